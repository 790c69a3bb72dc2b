// How many bytes a phone downloads to open Form B: the HTML, every stylesheet and script it
// links, as the server sends them (gzip) and unpacked. The goal is at most 30 KB gzip in all,
// with no JavaScript. Run after `npx remix build`: npx tsx test/bench/survey-bytes.ts
import http from "node:http";
import zlib from "node:zlib";
import { FORM_B } from "../../app/lib/survey/forms";
import { startServer } from "../support/server";

interface Part {
  kind: "html" | "css" | "js";
  path: string;
  wire: number;
  raw: number;
  encoding: string;
}

function get(url: string): Promise<{ status: number; body: Buffer; encoding: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { "Accept-Encoding": "gzip", "Accept-Language": "vi-VN,vi;q=0.9" } }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), encoding: String(res.headers["content-encoding"] ?? "identity") }));
      })
      .on("error", reject);
  });
}

async function fetchPart(base: string, kind: Part["kind"], path: string): Promise<{ part: Part; text: string }> {
  const r = await get(base + path);
  if (r.status !== 200) throw new Error(`${path}: HTTP ${r.status}`);
  const raw = r.encoding === "gzip" ? zlib.gunzipSync(r.body) : r.body;
  // What gzip would make of a part the server sent uncompressed (small files under its threshold).
  const wire = r.encoding === "gzip" ? r.body.length : zlib.gzipSync(raw, { level: 6 }).length;
  return { part: { kind, path, wire, raw: raw.length, encoding: r.encoding }, text: raw.toString("utf8") };
}

const kb = (n: number) => (n / 1024).toFixed(1).padStart(6);

const server = await startServer();
try {
  const page = await fetchPart(server.url, "html", `/s/${FORM_B.slug}`);
  const parts: Part[] = [page.part];
  for (const m of page.text.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)) parts.push((await fetchPart(server.url, "css", m[1])).part);
  for (const m of page.text.matchAll(/<script[^>]*src="([^"]+)"/g)) parts.push((await fetchPart(server.url, "js", m[1])).part);
  const inline = [...page.text.matchAll(/<script(?![^>]*src=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join("");
  if (inline) parts.push({ kind: "js", path: "(inline scripts)", wire: zlib.gzipSync(inline).length, raw: Buffer.byteLength(inline), encoding: "in html" });

  console.log(`Form B (/s/${FORM_B.slug}, ${FORM_B.items.length} questions), bytes a phone downloads:\n`);
  console.log("part  KB gzip  KB raw  sent as   path");
  for (const p of parts) console.log(`${p.kind.padEnd(4)} ${kb(p.wire)}  ${kb(p.raw)}  ${p.encoding.padEnd(8)} ${p.path}`);
  const sum = (k?: Part["kind"]) => parts.filter((p) => !k || p.kind === k).reduce((a, p) => a + p.wire, 0);
  console.log(`\nHTML ${kb(sum("html"))} KB + CSS ${kb(sum("css"))} KB + JS ${kb(sum("js"))} KB = ${kb(sum())} KB gzip (goal: at most 30 KB, 0 KB JavaScript)`);
} finally {
  await server.dispose();
}
