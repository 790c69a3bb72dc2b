// The text of each page of a PDF that Chromium prints, for tests: enough of PDF 1.7 to read
// Chromium's (Skia's) output — objects, Flate streams, pages in /Kids order, Type0 fonts with a
// /ToUnicode map, and text shown with Tj/TJ as hexadecimal glyph strings.
import zlib from "node:zlib";

interface Obj {
  dict: string;
  stream: Buffer | null;
}

function objects(pdf: Buffer): Map<number, Obj> {
  const s = pdf.toString("latin1");
  const out = new Map<number, Obj>();
  const re = /(\d+) 0 obj\s*/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) {
    const start = m.index + m[0].length;
    const end = s.indexOf("endobj", start);
    if (end < 0) break;
    const body = s.slice(start, end);
    const at = body.indexOf("stream");
    let stream: Buffer | null = null;
    let dict = body;
    if (at >= 0 && body.slice(0, at).trim().endsWith(">>")) {
      dict = body.slice(0, at);
      let from = start + at + "stream".length;
      if (s[from] === "\r") from++;
      if (s[from] === "\n") from++;
      const len = /\/Length (\d+)(?!\s+0\s+R)/.exec(dict);
      const to = len ? from + Number(len[1]) : start + body.lastIndexOf("endstream");
      const raw = pdf.subarray(from, to);
      stream = /\/FlateDecode/.test(dict) ? zlib.inflateSync(raw) : raw;
    }
    out.set(Number(m[1]), { dict, stream });
    re.lastIndex = end;
  }
  return out;
}

const ref = (dict: string, key: string): number | null => {
  const m = new RegExp(`/${key}\\s+(\\d+) 0 R`).exec(dict);
  return m ? Number(m[1]) : null;
};

function toUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const hex = (h: string) => {
    let out = "";
    for (let i = 0; i + 4 <= h.length; i += 4) out += String.fromCharCode(parseInt(h.slice(i, i + 4), 16));
    return out;
  };
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of block[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) map.set(parseInt(m[1], 16), hex(m[2]));
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    // The array form: one destination per code.
    for (const m of block[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*\[([^\]]*)\]/g)) {
      const lo = parseInt(m[1], 16);
      [...m[3].matchAll(/<([0-9A-Fa-f]+)>/g)].forEach((d, i) => map.set(lo + i, hex(d[1])));
    }
    for (const m of block[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      const [lo, hi] = [parseInt(m[1], 16), parseInt(m[2], 16)];
      const base = hex(m[3]);
      for (let c = lo; c <= hi; c++)
        map.set(c, base.slice(0, -1) + String.fromCharCode(base.charCodeAt(base.length - 1) + (c - lo)));
    }
  }
  return map;
}

/** Each page's text, in page order; runs on one line joined, lines split where the text moves down. */
export function pdfPages(pdf: Buffer): string[] {
  const objs = objects(pdf);
  const dictOf = (n: number | null) => (n === null ? "" : (objs.get(n)?.dict ?? ""));
  const catalog = [...objs.values()].find((o) => /\/Type\s*\/Catalog/.test(o.dict));
  const pages: number[] = [];
  const walk = (n: number) => {
    const d = dictOf(n);
    if (/\/Type\s*\/Pages/.test(d)) {
      const kids = /\/Kids\s*\[([^\]]*)\]/.exec(d)?.[1] ?? "";
      for (const k of kids.matchAll(/(\d+) 0 R/g)) walk(Number(k[1]));
    } else if (/\/Type\s*\/Page\b/.test(d)) pages.push(n);
  };
  const root = catalog ? ref(catalog.dict, "Pages") : null;
  if (root !== null) walk(root);

  return pages.map((p) => {
    const d = dictOf(p);
    let resources = /\/Resources\s*(<<[\s\S]*?>>\s*>>)/.exec(d)?.[1] ?? "";
    const resRef = ref(d, "Resources");
    if (resRef !== null) resources = dictOf(resRef);
    const fontBlock = /\/Font\s*<<([\s\S]*?)>>/.exec(resources)?.[1] ?? dictOf(ref(resources, "Font"));
    // Type0 fonts take two bytes a code; simple and Type3 fonts (Skia's synthetic bold) one.
    const fonts = new Map<string, { map: Map<number, string>; bytes: number }>();
    for (const f of fontBlock.matchAll(/\/([\w.+-]+)\s+(\d+) 0 R/g)) {
      const fd = dictOf(Number(f[2]));
      const tu = ref(fd, "ToUnicode");
      const stream = tu === null ? null : objs.get(tu)?.stream;
      fonts.set(f[1], {
        map: stream ? toUnicode(stream.toString("latin1")) : new Map(),
        bytes: /\/Subtype\s*\/Type0/.test(fd) ? 2 : 1,
      });
    }
    const contents = /\/Contents\s*\[([^\]]*)\]/.exec(d)?.[1] ?? /\/Contents\s+(\d+ 0 R)/.exec(d)?.[1] ?? "";
    const code = [...contents.matchAll(/(\d+) 0 R/g)]
      .map((c) => objs.get(Number(c[1]))?.stream?.toString("latin1") ?? "")
      .join("\n");
    let font = { map: new Map<number, string>(), bytes: 2 };
    let text = "";
    const decode = (h: string) => {
      let out = "";
      const w = font.bytes * 2;
      for (let i = 0; i + w <= h.length; i += w) out += font.map.get(parseInt(h.slice(i, i + w), 16)) ?? "";
      return out;
    };
    const ops =
      /\/([\w.+-]+)\s+[\d.]+\s+Tf|<([0-9A-Fa-f]*)>\s*Tj|\[((?:[^\]]|\\\])*)\]\s*TJ|\bT\*|[-\d.]+\s+[-\d.]+\s+T[dD]|(?:[-\d.]+\s+){6}Tm|\bET\b/g;
    for (const m of code.matchAll(ops)) {
      if (m[1]) font = fonts.get(m[1]) ?? { map: new Map(), bytes: 2 };
      else if (m[2] !== undefined) text += decode(m[2]);
      else if (m[3] !== undefined) text += [...m[3].matchAll(/<([0-9A-Fa-f]*)>/g)].map((x) => decode(x[1])).join("");
      else if (!text.endsWith("\n")) text += "\n";
    }
    return text;
  });
}
