// Outgoing email, when the operator has configured SMTP_URL. Without it (or when the server
// refuses the message) sendMail answers false and the caller falls back to another channel —
// for feedback, the staff's call list. No message is ever queued silently.
import nodemailer, { type Transporter } from "nodemailer";
import { maskPii } from "~/kernel/mask-pii";
import { env } from "./env.server";

let transport: { url: string; t: Transporter } | null = null;

function transporter(url: string): Transporter {
  if (!transport || transport.url !== url) transport = { url, t: nodemailer.createTransport(url) };
  return transport.t;
}

/** The sender address: `?from=` on SMTP_URL, else no-reply at the portal's public host. */
export function fromAddress(smtpUrl: string, publicUrl: string | undefined): string {
  const from = new URL(smtpUrl).searchParams.get("from");
  if (from) return from;
  const host = publicUrl ? new URL(publicUrl).hostname : "localhost";
  return `Hài Lòng <no-reply@${host}>`;
}

export async function sendMail(msg: { to: string; subject: string; text: string }): Promise<boolean> {
  const e = env();
  if (!e.SMTP_URL) return false;
  try {
    const url = new URL(e.SMTP_URL);
    url.searchParams.delete("from");
    await transporter(url.toString()).sendMail({
      from: fromAddress(e.SMTP_URL, e.PUBLIC_URL),
      to: msg.to,
      subject: msg.subject,
      text: msg.text,
    });
    return true;
  } catch (err) {
    // The message of a refused recipient names the address: masked.
    console.error(`[mail] not sent: ${maskPii((err as Error).message)}`);
    return false;
  }
}
