import { Transform } from "node:stream";
import { withoutNulBytes } from "~/kernel/http/nul-bytes";

/** The stream React's server renderer pipes the page into: it passes every chunk on without the
 * 0x00 padding react-dom 18.3.1 leaves in a chunk cut before a multi-byte character
 * (app/kernel/http/nul-bytes.ts). Keeps React's flushes: compression() adds `flush` to the response only. */
export function htmlBodyStream(): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      const clean = withoutNulBytes(chunk);
      done(null, clean.length === 0 ? undefined : clean);
    },
  });
}
