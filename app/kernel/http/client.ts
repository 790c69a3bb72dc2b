// What a service may know of where a request came from. The route reads it once from the request
// (`clientOf` in request.server.ts) and passes this plain value down, so no service, query or rule
// ever sees a `Request`, `URL` or `FormData`.
export interface Client {
  /** The address server.js stamped on the request (never a client-set header); "unknown" when absent. */
  ip: string;
}
