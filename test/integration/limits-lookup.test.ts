// Look-ups by code and contact against an attacker, and for the owner and the crowded carrier
// network (docs/security/limits.md). Before: ten wrong phones locked a code for the rest of the
// hour, even for its owner, and 30 look-ups from one address locked everyone behind it out.
import crypto from "node:crypto";
import { beginLookup } from "~/features/citizen-codes/lookup-limit.server";
import { submitFeedback } from "~/features/feedback/feedback-intake.server";
import { action as statusAction } from "~/routes/feedback.status";

const S = 1000;
const MIN = 60 * S;
const args = (request: Request) => ({ request, params: {}, context: {} });
const lookup = (code: string, phone: string, ip: string) =>
  statusAction(
    args(
      new Request("http://localhost/feedback/status", {
        method: "POST",
        body: new URLSearchParams({ intent: "lookup", code, phone }),
        headers: { "Content-Type": "application/x-www-form-urlencoded", "x-hl-client-ip": ip, "Accept-Language": "vi" },
      }),
    ),
  ) as Promise<Response>;

describe("a stranger guessing phones for a code", () => {
  it("slows to waits of 30 s, 1, 2, 4, 8, then 10 minutes at most; the owner is never shut for the hour", async () => {
    const t0 = new Date("2026-12-06T03:00:00Z");
    const code = "PAKN.20261206.9001";
    const at = (ms: number) => new Date(t0.getTime() + ms);
    // Ten wrong phones at once: 5 are looked up, 5 refused.
    const first = await Promise.all(
      Array.from({ length: 10 }, (_, i) => beginLookup(code, `0911${String(100000 + i)}`, `100.64.0.${i + 1}`, t0)),
    );
    expect(first.filter((g) => g.ok)).toHaveLength(5);
    // The owner, 31 s later, is looked up (the first wait is 30 s).
    const owner = await beginLookup(code, "0900000555", "100.64.9.9", at(31 * S));
    expect(owner.ok).toBe(true);
    if (owner.ok) await owner.found();
    // The stranger keeps taking every slot the moment it opens; by hand, the waits after the
    // 5th counted guess are 30 s, 1 min, 2, 4, 8, then 10 min (the longest) each.
    let t = 31 * S;
    const waits: number[] = [];
    for (let i = 0; i < 9; i++) {
      const g = await beginLookup(code, `0922${String(100000 + i)}`, "100.64.1.1", at(t));
      if (g.ok) continue;
      waits.push(g.minutes);
      // Try again when told.
      t += g.minutes * MIN;
      expect((await beginLookup(code, `0933${String(100000 + i)}`, "100.64.1.1", at(t))).ok).toBe(true);
    }
    // Whole minutes shown, rounded up: 1 (for 1 min), 2, 4, 8, 10, 10 …
    expect(Math.max(...waits)).toBeLessThanOrEqual(10);
  });
});

describe("a carrier's NAT: thousands of phones behind one address", () => {
  it("40 owners at once from one address, then 60 more, all find their feedback (before: refused past 30)", async () => {
    const mine = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        submitFeedback({
          submissionId: crypto.randomUUID(),
          kind: "phan_anh",
          name: `Người dùng mạng di động ${i}`,
          address: "Mỹ Tho",
          phone: `0988${String(200000 + i)}`,
          content: `Phản ánh số ${i} đủ dài để hợp lệ khi tra cứu.`,
          lang: "vi",
          attachments: [],
        }),
      ),
    );
    const ip = "100.64.50.50";
    const burst = await Promise.all(
      mine.slice(0, 40).map((f, i) => lookup(f.fullCode, `0988${String(200000 + i)}`, ip)),
    );
    expect(burst.map((r) => r.status)).toEqual(Array(40).fill(200));
    for (let i = 40; i < 100; i++)
      expect((await lookup(mine[i].fullCode, `0988${String(200000 + i)}`, ip)).status).toBe(200);
  }, 120_000);

  it("an address is slowed only after 300 failed look-ups, and then for seconds", async () => {
    const t0 = new Date("2026-12-06T04:00:00Z");
    const ip = "100.64.77.77";
    for (let i = 0; i < 300; i++)
      expect(
        (await beginLookup(`PAKN.20261206.${String(i).padStart(4, "0")}`, `0944${String(100000 + i)}`, ip, t0)).ok,
      ).toBe(true);
    const next = await beginLookup("PAKN.20261206.5000", "0944999999", ip, t0);
    // The first wait for an address is 5 s: shown as "1 minute" at most.
    expect(next).toEqual({ ok: false, minutes: 1 });
    expect((await beginLookup("PAKN.20261206.5001", "0944999998", ip, new Date(t0.getTime() + 5 * S))).ok).toBe(true);
  }, 120_000);
});
