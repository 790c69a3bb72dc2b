// A body is written at the pace the client reads it, and a client that leaves stops its producer
// (app/kernel/http/write-body.server.ts). @remix-run/node's writer, which the gate used before,
// pulled the whole body into memory ahead of a slow client: with it the first test read 63
// chunks ahead, and the second kept pulling the endless body until the test process ran out of
// memory.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import { writeBody } from "~/kernel/http/write-body.server";

const CHUNK = new Uint8Array(1024).fill(65);

/** A body of `n` chunks (or endless) that counts how many were asked for, and notes a cancel. */
function countedBody(n = Infinity) {
  const seen = { pulled: 0, cancelled: false };
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (seen.pulled >= n) return controller.close();
        seen.pulled++;
        controller.enqueue(CHUNK);
      },
      cancel() {
        seen.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return { body, seen };
}

describe("writeBody", () => {
  it("asks for the next chunk only when a slow reader has room: never more than a few ahead", async () => {
    const { body, seen } = countedBody(64);
    let written = 0;
    let bytes = 0;
    let maxAhead = 0;
    // A reader that takes 2 ms a chunk and holds one chunk at most.
    const out = new Writable({
      highWaterMark: 1024,
      write(chunk: Buffer, _enc, done) {
        maxAhead = Math.max(maxAhead, seen.pulled - written);
        setTimeout(() => {
          written++;
          bytes += chunk.byteLength;
          done();
        }, 2);
      },
    });
    const finished = new Promise((r) => out.on("finish", r));
    await writeBody(body, out);
    await finished;
    expect(bytes).toBe(64 * 1024);
    expect(written).toBe(64);
    expect(maxAhead).toBeLessThanOrEqual(3);
  });

  it("a client that leaves mid-download cancels the body and the writer returns", async () => {
    const { body, seen } = countedBody();
    let writing: Promise<void> = Promise.resolve();
    const server = http.createServer((_req, res) => {
      res.setHeader("Content-Type", "text/csv");
      writing = writeBody(body, res);
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    try {
      const { port } = server.address() as AddressInfo;
      await new Promise<void>((resolve, reject) => {
        const req = http.get({ host: "127.0.0.1", port, path: "/" }, (res) => {
          let got = 0;
          res.on("data", (c: Buffer) => {
            got += c.byteLength;
            // About 200 KB in, the client goes away without reading the rest.
            if (got > 200 * 1024) {
              req.destroy();
              resolve();
            }
          });
        });
        req.on("error", () => {});
        setTimeout(() => reject(new Error("no body arrived")), 5000);
      });
      await writing;
      expect(seen.cancelled).toBe(true);
      // The socket buffers on both sides hold a few MB at most: the endless body was not run ahead.
      expect(seen.pulled).toBeLessThan(20_000);
    } finally {
      server.close();
    }
  });
});
