import { env } from "./env.server";

/** The portal's address for links that leave the page (calendar files, emails): PUBLIC_URL when
 * the operator set it, else the origin the request came to. */
export function publicBaseUrl(request: Request): string {
  return (env().PUBLIC_URL ?? new URL(request.url).origin).replace(/\/+$/, "");
}
