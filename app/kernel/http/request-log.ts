// The request logger server.js mounts: one line per finished request, built by requestLogLine
// (app/kernel/http/redact.ts). Written against the few members of Node's request and response it reads,
// so a test can feed it plain objects.
import { requestLogLine } from "./redact";

interface LoggedRequest {
  method?: string;
  originalUrl?: string;
  url?: string;
}
interface LoggedResponse {
  statusCode: number;
  once(event: "finish" | "close", listener: () => void): unknown;
}

export function requestLogger(write: (line: string) => void, clock: () => number = () => performance.now()) {
  return (req: LoggedRequest, res: LoggedResponse, next: () => void) => {
    const start = clock();
    let done = false;
    const log = () => {
      if (done) return;
      done = true;
      write(
        requestLogLine({
          method: req.method ?? "GET",
          target: req.originalUrl ?? req.url ?? "/",
          status: res.statusCode,
          ms: clock() - start,
        }),
      );
    };
    // "close" without "finish": the client went away; still one line.
    res.once("finish", log);
    res.once("close", log);
    next();
  };
}
