// Load balancers and the operator ask here whether this instance can serve: 200 when the
// database answers within 2 s, 503 when it does not. The process itself stays up either way.
import { checkDatabase } from "~/kernel/db/health.server";

export async function loader() {
  const ok = await checkDatabase(2000);
  return new Response(ok ? "ok" : "database unavailable", {
    status: ok ? 200 : 503,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}
