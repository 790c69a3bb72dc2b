// Which stored encoding of a static file to send for a request's Accept-Encoding (RFC 9110
// §12.5.3): Brotli before gzip when both are acceptable, identity otherwise. A coding listed with
// q=0 is refused; "*" stands for any coding not listed.
export type Encoding = "br" | "gzip" | "identity";

export function pickEncoding(header: string | undefined, available: { br: boolean; gzip: boolean }): Encoding {
  if (!header) return "identity";
  const q = new Map<string, number>();
  for (const part of header.toLowerCase().split(",")) {
    const [name, ...params] = part.trim().split(";");
    if (!name) continue;
    let weight = 1;
    for (const p of params) {
      const [k, v = ""] = p.split("=").map((x) => x.trim());
      // A weight that is no number refuses the coding rather than guess.
      if (k === "q") weight = /^[0-9.]+$/.test(v) ? Number(v) : 0;
    }
    q.set(name.trim(), Number.isFinite(weight) ? weight : 0);
  }
  const accepts = (coding: string) => (q.get(coding) ?? q.get("*") ?? 0) > 0;
  if (available.br && accepts("br")) return "br";
  if (available.gzip && (accepts("gzip") || accepts("x-gzip"))) return "gzip";
  return "identity";
}
