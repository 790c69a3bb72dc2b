// Calling a route module's loader or action directly, as Remix would, in integration tests.

export type Handler = (args: { request: Request; params: Record<string, string>; context: object }) => Promise<unknown>;

/** A loader's or action's answer as a Response, and its body as text, whether returned or thrown
 * (Remix routes throw a Response for 404 and redirects). Any other throw is the test's failure. */
export async function call(fn: unknown, request: Request, params: Record<string, string> = {}) {
  let res: Response;
  try {
    const r = await (fn as Handler)({ request, params, context: {} });
    res = r instanceof Response ? r : new Response(JSON.stringify(r), { status: 200 });
  } catch (e) {
    if (!(e instanceof Response)) throw e;
    res = e;
  }
  return { status: res.status, headers: res.headers, text: await res.text() };
}
