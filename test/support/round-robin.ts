// A tiny HTTP load balancer for tests: each request goes to the next backend in turn, with the
// client's address in X-Forwarded-For (as a real balancer adds it) and the backend's index in an
// X-Backend response header, so a test can see which instance answered.
import http from "node:http";
import type net from "node:net";

export interface RoundRobin {
  url: string;
  close(): Promise<void>;
}

export async function startRoundRobin(backends: number[]): Promise<RoundRobin> {
  let next = 0;
  const server = http.createServer((req, res) => {
    const i = next++ % backends.length;
    const forwarded = [req.headers["x-forwarded-for"], req.socket.remoteAddress].filter(Boolean).join(", ");
    const upstream = http.request(
      {
        host: "127.0.0.1",
        port: backends[i],
        method: req.method,
        path: req.url,
        headers: { ...req.headers, "x-forwarded-for": forwarded },
        agent: false,
      },
      (up) => {
        res.writeHead(up.statusCode ?? 502, { ...up.headers, "x-backend": String(i) });
        up.pipe(res);
      },
    );
    upstream.on("error", () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
