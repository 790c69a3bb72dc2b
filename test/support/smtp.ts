// Just enough SMTP on loopback for nodemailer: greets, accepts every command, keeps each message
// (decoded from quoted-printable) so a test can read what a citizen's inbox received.
import net from "node:net";

export interface SmtpStub {
  port: number;
  messages: string[];
  close(): void;
}

function decode(raw: string): string {
  return Buffer.from(
    raw.replace(/=\r\n/g, "").replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
    "latin1",
  ).toString("utf8");
}

export function startSmtp(): Promise<SmtpStub> {
  const messages: string[] = [];
  const server = net.createServer((sock) => {
    let inData = false;
    let buf = "";
    sock.write("220 test ESMTP\r\n");
    sock.on("data", (chunk) => {
      buf += chunk.toString("latin1");
      let i: number;
      while (inData ? (i = buf.indexOf("\r\n.\r\n")) !== -1 : (i = buf.indexOf("\r\n")) !== -1) {
        if (inData) {
          messages.push(decode(buf.slice(0, i)));
          buf = buf.slice(i + 5);
          inData = false;
          sock.write("250 queued\r\n");
          continue;
        }
        const cmd = buf.slice(0, 4).toUpperCase();
        buf = buf.slice(i + 2);
        if (cmd === "EHLO" || cmd === "HELO") sock.write("250-test\r\n250 8BITMIME\r\n");
        else if (cmd === "DATA") {
          inData = true;
          sock.write("354 go\r\n");
        } else if (cmd === "QUIT") sock.end("221 bye\r\n");
        else sock.write("250 ok\r\n");
      }
    });
  });
  return new Promise((r) =>
    server.listen(0, "127.0.0.1", () =>
      r({ port: (server.address() as net.AddressInfo).port, messages, close: () => server.close() }),
    ),
  );
}
