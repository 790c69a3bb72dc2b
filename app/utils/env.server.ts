// The environment, parsed once at boot. A bad value stops the start with a message naming it.
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
  SEED_DEMO: bool(true),
  PUBLIC_URL: z.url({ error: "must be a full URL such as https://hailong.example.gov.vn" }).optional(),
  // Comma-separated; the first signs, all verify, so a secret can be rotated without logging everyone out.
  SESSION_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  ADMIN_EMAIL: z.email({ error: "must be an email address" }).optional(),
  ADMIN_PASSWORD: z.string().min(12, "must be at least 12 characters").optional(),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, "must start with smtp:// or smtps://").optional(),
  TRUST_PROXY: z.string().optional(),
  // Secure cookies need HTTPS (browsers exempt http://localhost). Default: on in production.
  COOKIE_SECURE: z.enum(["true", "false"], { error: "must be true or false" }).optional(),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(60000).default(1500),
});

export type Env = z.infer<typeof schema>;

export function cookieSecure(e: Env): boolean {
  return e.COOKIE_SECURE ? e.COOKIE_SECURE === "true" : e.NODE_ENV === "production";
}

export class EnvError extends Error {}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new EnvError(`Invalid environment variable(s):\n${lines.join("\n")}`);
  }
  return result.data;
}

let cached: Env | null = null;
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
