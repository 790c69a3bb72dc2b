// react-dom 18.3.1 pads a server-rendered chunk with NUL bytes when a multi-byte character does
// not fit its 2048-byte view; the page stream must drop them and keep every character whole.
import { PassThrough, type Writable } from "node:stream";
import { renderToPipeableStream, renderToStaticMarkup } from "react-dom/server";
import { withoutNulBytes } from "~/kernel/http/nul-bytes";
import { htmlBodyStream } from "~/kernel/http/html-stream.server";

// Long Vietnamese paragraphs: 3-byte letters ("ệ", "ố") land on every possible view offset.
const para = (i: number) =>
  `Đoạn ${i}: Sở Khoa học và Công nghệ tỉnh Tiền Giang lắng nghe ý kiến người dân về việc giải quyết hồ sơ, thủ tục hành chính; mỗi ý kiến được ghi nhận.`;
const Page = () => (
  <html lang="vi">
    <body>
      {Array.from({ length: 120 }, (_, i) => (
        <p key={i}>{para(i)}</p>
      ))}
    </body>
  </html>
);

async function render(into: () => Writable & NodeJS.ReadableStream): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const body = into();
    const parts: Buffer[] = [];
    body.on("data", (c: Buffer) => parts.push(c));
    body.on("end", () => resolve(Buffer.concat(parts)));
    const { pipe } = renderToPipeableStream(<Page />, {
      onAllReady: () => pipe(body),
      onShellError: reject,
    });
  });
}

describe("NUL bytes from the server renderer", () => {
  it("react-dom itself pads chunks with 0x00 for this page (the bug the stream guards against)", async () => {
    const raw = await render(() => new PassThrough());
    expect(raw.includes(0)).toBe(true);
  });

  it("the page stream delivers no 0x00 byte, and exactly the text React meant", async () => {
    const clean = await render(htmlBodyStream);
    expect(clean.includes(0)).toBe(false);
    const text = clean.toString("utf8");
    expect(text).not.toContain("\uFFFD");
    expect(text).toContain("<!DOCTYPE html>" + renderToStaticMarkup(<Page />));
  });

  it("drops every 0x00 and nothing else", () => {
    const bytes = (...b: number[]) => Uint8Array.from(b);
    expect([...withoutNulBytes(bytes(0, 0x61, 0, 0, 0xe1, 0xbb, 0x87, 0))]).toEqual([0x61, 0xe1, 0xbb, 0x87]);
    const none = bytes(0x61, 0x62);
    expect(withoutNulBytes(none)).toBe(none);
    expect([...withoutNulBytes(bytes(0, 0))]).toEqual([]);
  });
});
