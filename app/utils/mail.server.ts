// Email through the SMTP server named by SMTP_URL. Without it, nothing is sent and callers fall
// back to something a person does (the dialogue's staff call list). Never throws: a mail server
// that is down must not undo the change the mail was about.
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "./env.server";

let transport: { url: string; t: Transporter } | null = null;

export async function sendMail(msg: { to: string; subject: string; text: string }): Promise<boolean> {
  const url = env().SMTP_URL;
  if (!url) return false;
  if (transport?.url !== url) transport = { url, t: nodemailer.createTransport(url) };
  try {
    const from = `Hài Lòng <no-reply@${new URL(env().PUBLIC_URL ?? "http://localhost").hostname}>`;
    await transport.t.sendMail({ from, ...msg });
    return true;
  } catch (e) {
    console.error(`[mail] not sent: ${(e as Error).message}`);
    return false;
  }
}
