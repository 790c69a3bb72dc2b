// The language switcher: a plain link sets the cookie and returns to the page, no JavaScript needed.
import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { isLang, langCookie, safeReturnPath } from "~/kernel/i18n/i18n";

export async function loader({ params, request }: LoaderFunctionArgs) {
  if (!isLang(params.lng)) throw new Response("Not found", { status: 404 });
  const to = safeReturnPath(new URL(request.url).searchParams.get("to"));
  return redirect(to, {
    headers: { "Set-Cookie": langCookie(params.lng) },
  });
}
