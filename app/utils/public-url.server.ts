// The portal's public address for links printed or sent elsewhere (QR posters, kiosk links):
// PUBLIC_URL when the operator set it (behind a proxy the request's own origin may be internal),
// otherwise the origin the request came to.
import { env } from "./env.server";

export function publicOrigin(request: Request): string {
  const fromEnv = env().PUBLIC_URL;
  if (fromEnv) return fromEnv.replace(/\/+$/, "");
  return new URL(request.url).origin;
}
