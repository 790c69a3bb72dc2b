// The hand-written XLSX/ZIP writer against exceljs's streaming WorkbookWriter, on their own (no
// database): the same rows (default 200,000 × 12 columns of survey-export-like cells) into a
// byte-counting sink, each run in a fresh process so its peak memory is its own. Both deflate at
// level 3. Prints wall time, CPU time (steadier on a shared machine), peak RSS above the process
// at rest, and the file size. `npx tsx test/bench/xlsx-writer.ts [rows] [rounds]`
// (docs/decisions/0003-own-xlsx-writer.md).
import { spawnSync } from "node:child_process";
import { Writable } from "node:stream";

type Cell = string | number | null;
const COLUMNS = [
  "Mã phiếu",
  "Ngày",
  "Đơn vị",
  "Thủ tục",
  "Kênh",
  "Ngôn ngữ",
  "Câu 1",
  "Câu 2",
  "Câu 3",
  "Câu 4",
  "Tổng thể",
  "Ý kiến",
];
const UNITS = ["Phòng Quản lý công nghệ", "Phòng Kế hoạch – Tài chính", "Văn phòng Sở", "Trung tâm Thông tin"];
const CHANNELS = ["qr", "kiosk", "web", "paper"];

function row(i: number): Cell[] {
  const day = `2025-${String((i % 12) + 1).padStart(2, "0")}-${String((i % 28) + 1).padStart(2, "0")}`;
  return [
    `r-${(i * 2654435761) % 4294967296}`,
    day,
    UNITS[i % UNITS.length],
    `KHCN-${i % 40}`,
    CHANNELS[i % 4],
    i % 5 ? "vi" : "en",
    (i % 5) + 1,
    ((i >> 1) % 5) + 1,
    ((i >> 2) % 5) + 1,
    i % 7 ? ((i >> 3) % 5) + 1 : null,
    ((i >> 4) % 5) + 1,
    i % 9 ? null : `Cán bộ hướng dẫn tận tình, thủ tục nhanh gọn (${i}) <ý kiến & góp ý>`,
  ];
}

async function child(writer: "ours" | "exceljs", rows: number) {
  let bytes = 0;
  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      bytes += chunk.length;
      cb();
    },
  });
  const closed = new Promise<void>((resolve, reject) => sink.on("finish", resolve).on("error", reject));
  // Loaded before the clock starts, so both are timed on writing alone.
  const ours = writer === "ours" ? await import("../../app/kernel/files/xlsx-writer.server") : null;
  const exceljs = writer === "exceljs" ? (await import("exceljs")).default : null;
  global.gc?.();
  const rest = process.memoryUsage().rss;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  if (ours) {
    const x = new ours.XlsxWriter(sink, 3);
    await x.addSheet("Responses");
    await x.addRow(COLUMNS);
    for (let i = 0; i < rows; i++) await x.addRow(row(i));
    await x.finish();
    sink.end();
  } else {
    const wb = new exceljs!.stream.xlsx.WorkbookWriter({
      stream: sink,
      useStyles: false,
      useSharedStrings: false,
      zip: { zlib: { level: 3 } },
    });
    const ws = wb.addWorksheet("Responses");
    ws.addRow(COLUMNS).commit();
    for (let i = 0; i < rows; i++) ws.addRow(row(i)).commit();
    ws.commit();
    await wb.commit();
  }
  await closed;
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const peak = process.resourceUsage().maxRSS * 1024;
  console.log(
    JSON.stringify({
      writer,
      rows,
      ms,
      cpuMs: (cpu.user + cpu.system) / 1000,
      peakAboveRestMB: (peak - rest) / 2 ** 20,
      peakMB: peak / 2 ** 20,
      bytes,
    }),
  );
}

const [a, b, c] = process.argv.slice(2);
if (a === "--child") {
  await child(b as "ours" | "exceljs", Number(c));
} else {
  const rows = Number(a ?? 200_000);
  const rounds = Number(b ?? 2);
  const runs: Record<string, { ms: number; cpuMs: number; peakAboveRestMB: number; bytes: number }[]> = {
    ours: [],
    exceljs: [],
  };
  for (let r = 0; r < rounds; r++)
    // Alternating, so a burst of load elsewhere on the machine does not fall on one writer only.
    for (const w of r % 2 ? ["exceljs", "ours"] : ["ours", "exceljs"]) {
      const p = spawnSync(
        process.execPath,
        ["--expose-gc", "--import", "tsx", import.meta.filename, "--child", w, String(rows)],
        { encoding: "utf8" },
      );
      if (p.status !== 0) throw new Error(`${w} failed: ${p.stderr}`);
      runs[w].push(JSON.parse(p.stdout.trim().split("\n").pop()!));
    }
  const med = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  console.log(
    `XLSX, ${rows.toLocaleString("en")} rows × ${COLUMNS.length} columns, deflate level 3, ${rounds} round(s), median:`,
  );
  for (const w of ["ours", "exceljs"]) {
    const xs = runs[w];
    console.log(
      `  ${w.padEnd(8)} wall ${(med(xs.map((x) => x.ms)) / 1000).toFixed(1)} s, CPU ${(med(xs.map((x) => x.cpuMs)) / 1000).toFixed(1)} s, ` +
        `peak RSS +${med(xs.map((x) => x.peakAboveRestMB)).toFixed(0)} MB above rest, file ${(xs[0].bytes / 1e6).toFixed(1)} MB`,
    );
  }
  const ratio = med(runs.exceljs.map((x) => x.cpuMs)) / med(runs.ours.map((x) => x.cpuMs));
  console.log(`  exceljs needs ${ratio.toFixed(1)}× the CPU time of ours`);
}
