// The full code (short code + secret key) a feedback form's post handed to its own browser: it
// rides in the flash cookie of the redirect to /feedback/sent, never in the address.
import { readFlashCode } from "~/features/citizen-codes/code-flash.server";

export async function fullCodeOf(res: Response): Promise<string> {
  const set = res.headers.get("Set-Cookie") ?? "";
  const full = await readFlashCode("/feedback/sent", set.split(";")[0]);
  if (!full) throw new Error(`no full code in ${res.status} ${set}`);
  return full;
}
