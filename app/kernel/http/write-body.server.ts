// Writes a page's or a download's body to the socket at the pace the client reads it.
// @remix-run/node's writeReadableStreamToWritable writes every chunk as soon as it is produced and
// never waits for "drain": a client reading a 1,000,000-response export slowly had the whole file
// (about 138 MB) held in the server's memory, and a few such clients could exhaust it. Here the
// next chunk is asked for only once the socket (or the compressor in front of it) has room, and a
// client that leaves cancels the body, which stops the export that produces it.
import type { Writable } from "node:stream";

type Out = Writable & { flush?: () => void };

/** Resolves when `out` can take more, or has closed (the client went away). */
function roomOrClose(out: Out): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      out.off("drain", done);
      out.off("close", done);
      resolve();
    };
    // compression() maps "drain" listeners on the response to its own stream's.
    out.on("drain", done);
    out.on("close", done);
  });
}

export async function writeBody(body: ReadableStream<Uint8Array>, out: Out): Promise<void> {
  const reader = body.getReader();
  try {
    for (;;) {
      if (out.destroyed) {
        await reader.cancel().catch(() => {});
        return;
      }
      const { done, value } = await reader.read();
      if (done) {
        out.end();
        return;
      }
      const room = out.write(value);
      // A streamed page is sent as it is made, not when the compressor's buffer fills.
      out.flush?.();
      if (!room && !out.destroyed) await roomOrClose(out);
    }
  } catch (error) {
    out.destroy(error as Error);
    throw error;
  }
}
