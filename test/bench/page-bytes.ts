// How many bytes a phone downloads to open each public page: the HTML, every stylesheet and
// script it references (stylesheets, <script src>, modulepreload, inline scripts), as the server
// sends them (gzip) and unpacked. Goal for the survey page: at most 30 KB gzip, no JavaScript.
// Run: npx tsx test/bench/page-bytes.ts (builds the app first when there is no build).
import http from "node:http";
import zlib from "node:zlib";
import { FORM_B } from "../../app/features/survey/forms";
import { startServer } from "../support/server";
import { ensureBuild } from "./support";

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
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks),
            encoding: String(res.headers["content-encoding"] ?? "identity"),
          }),
        );
      })
      .on("error", reject);
  });
}

async function fetchPart(
  base: string,
  kind: Part["kind"],
  path: string,
  expect = 200,
): Promise<{ part: Part; text: string; status: number }> {
  const r = await get(base + path);
  if (r.status !== expect) throw new Error(`${path}: HTTP ${r.status}, expected ${expect}`);
  const raw = r.encoding === "gzip" ? zlib.gunzipSync(r.body) : r.body;
  // What gzip would make of a part the server sent uncompressed (small files under its threshold).
  const wire = r.encoding === "gzip" ? r.body.length : zlib.gzipSync(raw, { level: 6 }).length;
  return {
    part: { kind, path, wire, raw: raw.length, encoding: r.encoding },
    text: raw.toString("utf8"),
    status: r.status,
  };
}

/** The page and everything it makes a browser fetch, each asset once. */
async function pageParts(base: string, path: string, expect = 200): Promise<Part[]> {
  const page = await fetchPart(base, "html", path, expect);
  const parts: Part[] = [page.part];
  const seen = new Set<string>();
  const add = async (kind: Part["kind"], href: string) => {
    if (seen.has(href)) return;
    seen.add(href);
    parts.push((await fetchPart(base, kind, href)).part);
  };
  for (const m of page.text.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)) await add("css", m[1]);
  for (const m of page.text.matchAll(/<link rel="modulepreload" href="([^"]+)"/g)) await add("js", m[1]);
  for (const m of page.text.matchAll(/<script[^>]*src="([^"]+)"/g)) await add("js", m[1]);
  const inline = [...page.text.matchAll(/<script(?![^>]*src=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join("");
  if (inline)
    parts.push({
      kind: "js",
      path: "(inline scripts)",
      wire: zlib.gzipSync(inline).length,
      raw: Buffer.byteLength(inline),
      encoding: "in html",
    });
  return parts;
}

const kb = (n: number) => (n / 1024).toFixed(1).padStart(6);
const sum = (parts: Part[], k?: Part["kind"]) =>
  parts.filter((p) => !k || p.kind === k).reduce((a, p) => a + p.wire, 0);

ensureBuild();
const server = await startServer();
try {
  const dialogues = await fetchPart(server.url, "html", "/dialogues");
  const dialogue = dialogues.text.match(/href="(\/dialogues\/\d+)"/)?.[1];
  const privacy = (await get(server.url + "/privacy")).status === 200;
  const pages: [string, string, number][] = [
    ["home", "/", 200],
    ["survey list", "/s", 200],
    ["survey (Form B)", `/s/${FORM_B.slug}`, 200],
    ["survey thanks", `/s/${FORM_B.slug}/thanks`, 200],
    ["dialogues", "/dialogues", 200],
    ...(dialogue ? [["a dialogue", dialogue, 200] as [string, string, number]] : []),
    ["dialogue registration", "/dialogues/registration", 200],
    ["feedback form", "/feedback", 200],
    ["feedback status", "/feedback/status", 200],
    ["feedback answers", "/feedback/answers", 200],
    ...(privacy ? [["privacy", "/privacy", 200] as [string, string, number]] : []),
    ["404 page", "/khong-co-trang-nay", 404],
  ];
  console.log("Bytes a phone downloads to open each public page, gzip as sent (KB = 1024 bytes), nothing cached:\n");
  console.log(
    `${"page".padEnd(22)} ${"HTML".padStart(6)} ${"CSS".padStart(6)} ${"JS".padStart(6)} ${"total".padStart(6)}  path`,
  );
  for (const [name, path, status] of pages) {
    const parts = await pageParts(server.url, path, status);
    console.log(
      `${name.padEnd(22)} ${kb(sum(parts, "html"))} ${kb(sum(parts, "css"))} ${kb(sum(parts, "js"))} ${kb(sum(parts))}  ${path}`,
    );
    if (path === `/s/${FORM_B.slug}`) {
      const js = sum(parts, "js");
      console.log(
        `${"".padEnd(22)} goal for the survey page: at most 30 KB with no JavaScript — ${sum(parts) <= 30 * 1024 && js === 0 ? "met" : "NOT met"}`,
      );
    }
  }
  if (!privacy) console.log("\n(/privacy: no such page in this build)");
  if (!dialogue) console.log("\n(no dialogue linked from /dialogues)");
} finally {
  await server.dispose();
}
