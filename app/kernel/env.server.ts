// The environment, parsed once at boot. A bad value stops the start with a message naming it.
import net from "node:net";
import * as z from "zod";

const bool = (def: boolean) =>
  z
    .enum(["true", "false", "1", "0", "yes", "no"], { error: "must be true or false" })
    .optional()
    .transform((v) => (v === undefined ? def : ["true", "1", "yes"].includes(v)));

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number({ error: "must be a port number" }).int().min(0).max(65535).default(3000),
  HOST: z.string().optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  PGLITE_DIR: z.string().min(1).default("./.data/pglite"),
  // Read by db/client.ts itself (tests open databases without this parse); checked here so a typo
  // stops the start instead of silently choosing a mode.
  PGLITE_THREAD: z.enum(["on", "off"], { error: "must be on or off" }).default("on"),
  SEED_DEMO: bool(true),
  // Links in emails, notices, calendar files and QR codes are built from this alone, never from a
  // request's Host header (which anyone can set). Required in production; see docs/security/http.md.
  PUBLIC_URL: z
    .url({ error: "must be a full URL such as https://hailong.example.gov.vn" })
    .refine((v) => {
      const u = new URL(v);
      return (
        (u.protocol === "https:" || u.protocol === "http:") &&
        !u.username &&
        !u.password &&
        (u.pathname === "/" || u.pathname === "") &&
        !u.search &&
        !u.hash
      );
    }, "must be the portal's origin only, http(s)://host[:port] with no path, such as https://hailong.example.gov.vn")
    .transform((v) => new URL(v).origin)
    .optional(),
  // Comma-separated; the first signs, all verify, so a secret can be rotated without logging everyone out.
  SESSION_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  ADMIN_EMAIL: z.email({ error: "must be an email address" }).optional(),
  ADMIN_PASSWORD: z.string().min(12, "must be at least 12 characters").optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must start with smtp:// or smtps://")
    .optional(),
  TRUST_PROXY: z
    .string()
    .optional()
    .transform((v, ctx) => {
      const r = parseTrustProxy(v);
      if (typeof r === "string") {
        ctx.addIssue({ code: "custom", message: r });
        return z.NEVER;
      }
      return r;
    }),
  // Secure cookies need HTTPS (browsers exempt http://localhost). Default: on in production.
  COOKIE_SECURE: z.enum(["true", "false"], { error: "must be true or false" }).optional(),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(60000).default(1500),
});

/** Express's "trust proxy" setting from TRUST_PROXY: a number of proxies in front, or the proxies'
 * addresses. "true" (trust every hop) is refused: any client could then pick its own address by
 * sending X-Forwarded-For, and every per-address limit would be void. Returns the value, or the
 * message for a bad one. */
export function parseTrustProxy(raw: string | undefined): number | string[] | undefined | string {
  if (raw === undefined || raw === "" || raw === "false" || raw === "0") return undefined;
  const hint =
    "give the number of proxies in front of the portal (e.g. 1) or their addresses (e.g. 10.0.0.5, 10.1.0.0/16, loopback)";
  if (raw === "true") return `"true" would trust an X-Forwarded-For header from anyone; ${hint}`;
  if (/^\d+$/.test(raw)) {
    const n = Number(raw);
    return n <= 10 ? n : `at most 10 proxies; ${hint}`;
  }
  const parts = raw.split(",").map((p) => p.trim());
  for (const p of parts) {
    if (["loopback", "linklocal", "uniquelocal"].includes(p)) continue;
    const [ip, bits, extra] = p.split("/");
    const kind = net.isIP(ip ?? "");
    const maxBits = kind === 4 ? 32 : 128;
    if (!kind || extra !== undefined || (bits !== undefined && !(/^\d+$/.test(bits) && Number(bits) <= maxBits)))
      return `"${p}" is not an address, a subnet or one of loopback, linklocal, uniquelocal; ${hint}`;
  }
  return parts;
}

export type Env = z.infer<typeof schema>;

export function cookieSecure(e: Env): boolean {
  return e.COOKIE_SECURE ? e.COOKIE_SECURE === "true" : e.NODE_ENV === "production";
}

export class EnvError extends Error {}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = schema.safeParse(cleaned);
  const issues = result.success ? [] : result.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
  // A production server without its public address would have to take it from the request's
  // Host header, which any client sets: refuse to start instead.
  // The demo (SEED_DEMO on, the default: public passwords, never a real deployment) runs at
  // http://localhost:PORT without it, so `npm install && npm start` stays the whole set-up; links
  // are still built from that configured address alone, never from the request.
  const nodeEnv = result.success ? result.data.NODE_ENV : cleaned.NODE_ENV;
  const demo = result.success
    ? result.data.SEED_DEMO
    : cleaned.SEED_DEMO === undefined || ["true", "1", "yes"].includes(cleaned.SEED_DEMO);
  if (nodeEnv === "production" && !demo && !cleaned.PUBLIC_URL) {
    issues.push({
      path: "PUBLIC_URL",
      message:
        "required in production (SEED_DEMO=false): the portal's public address, such as https://hailong.example.gov.vn",
    });
  }
  if (!result.success || issues.length) {
    const lines = issues.map((i) => `  ${i.path}: ${i.message}`);
    throw new EnvError(`Invalid environment variable(s):\n${lines.join("\n")}`);
  }
  return result.data!;
}

let cached: Env | null = null;
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
