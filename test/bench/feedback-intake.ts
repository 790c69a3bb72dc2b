// Figures for feedback intake: N concurrent submissions (no attachment, and with a 1 MB PDF),
// codes taken from the daily counter. Run: npx tsx test/bench/feedback-intake.ts [N]
// Uses DATABASE_URL when set (a throw-away schema), else a fresh in-memory embedded database.
import crypto from "node:crypto";
import pg from "pg";
import { submitFeedback, type IntakeInput } from "~/features/feedback/feedback-intake.server";
import { connect, setDatabase } from "../../db/client";
import { migrateToLatest } from "../../db/migrate";

const N = Number(process.argv[2] ?? 200);
const url = process.env.DATABASE_URL;
const schema = `bench_${crypto.randomBytes(4).toString("hex")}`;

async function main() {
  if (url) {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query(`create schema ${schema}`);
    await c.end();
  }
  const handle = url
    ? await connect({ url, schema, poolMax: 20 })
    : await connect({ pgliteDir: "memory://", lock: false });
  await migrateToLatest(handle.db, url ? schema : undefined);
  setDatabase(handle);
  const pdf = Buffer.concat([Buffer.from("%PDF-1.7\n"), crypto.randomBytes(1024 * 1024)]);
  const input = (i: number, withFile: boolean): IntakeInput => ({
    submissionId: crypto.randomUUID(),
    kind: "phan_anh",
    name: `Người gửi ${i}`,
    address: "Số 1 đường Thử Nghiệm",
    phone: `0900${String(i).padStart(6, "0")}`,
    content: "Nội dung phản ánh mẫu cho phép đo, đủ dài để hợp lệ.",
    lang: "vi",
    attachments: withFile ? [{ filename: "scan.pdf", bytes: pdf, kind: "pdf", mime: "application/pdf" }] : [],
  });
  try {
    for (const withFile of [false, true]) {
      const n = withFile ? Math.min(N, 50) : N;
      const t0 = performance.now();
      const res = await Promise.all(Array.from({ length: n }, (_, i) => submitFeedback(input(i, withFile))));
      const ms = performance.now() - t0;
      const distinct = new Set(res.map((r) => r.code)).size;
      console.log(
        `${handle.kind}: ${n} concurrent submissions${withFile ? " with a 1 MB PDF each" : ""}: ${ms.toFixed(0)} ms (${((n / ms) * 1000).toFixed(0)}/s), ${distinct} distinct codes`,
      );
    }
  } finally {
    setDatabase(null);
    await handle.close();
    if (url) {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop schema ${schema} cascade`);
      await c.end();
    }
  }
}

await main();
