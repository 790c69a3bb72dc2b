// A hall full of people on one Wi-Fi sends feedback at once: every one is stored and gets its
// code; those past the address's hourly share are held for review, which staff see and release
// (docs/security/limits.md). Before, the 21st and later were refused with 429.
import crypto from "node:crypto";
import { action as formAction } from "~/routes/feedback._index";
import { action as listAction, loader as listLoader } from "~/routes/staff.feedback._index";
import { db } from "~/kernel/db/db.server";
import { signIn, staffRequest } from "../support/staff";

const args = (request: Request) => ({ request, params: {}, context: {} });

function post(i: number, ip: string) {
  const fd = new FormData();
  const data: Record<string, string> = {
    submissionId: crypto.randomUUID(),
    kind: "phan_anh",
    name: `Người dự họp ${i}`,
    address: "Hội trường UBND xã, Mỹ Tho",
    phone: `0912${String(100000 + i)}`,
    title: "Thủ tục cấp phép",
    content: `Ý kiến số ${i} về thời gian giải quyết hồ sơ cấp phép, mong được trả lời.`,
    consent: "yes",
    homepage: "",
  };
  for (const [k, v] of Object.entries(data)) fd.append(k, v);
  return new Request("http://localhost/feedback", {
    method: "POST",
    body: fd,
    headers: { "x-hl-client-ip": ip, "Accept-Language": "vi" },
  });
}

describe("feedback from one hall's Wi-Fi", () => {
  it("60 at once from one address: 60 stored with 60 codes, 40 held for review, none refused", async () => {
    const ip = "100.64.7.7";
    const results = (await Promise.all(
      Array.from({ length: 60 }, (_, i) => formAction(args(post(i, ip)))),
    )) as Response[];
    expect(results.map((r) => r.status)).toEqual(Array(60).fill(302));
    const codes = results.map((r) => decodeURIComponent(r.headers.get("Location")!.split("code=")[1]));
    expect(new Set(codes).size).toBe(60);
    const rows = await db().selectFrom("feedback").select(["code", "held_reason"]).where("code", "in", codes).execute();
    expect(rows).toHaveLength(60);
    // 20 an hour from one address are taken as usual; the other 40 are held (counted atomically,
    // so exactly 40 whatever the order).
    expect(rows.filter((r) => r.held_reason === "address_burst")).toHaveLength(40);

    // Staff see them under "held for review"; the Office releases one, audited; a unit may not.
    const office = await signIn("office");
    const held = await (await listLoader(args(staffRequest("/staff/feedback?view=held", office.cookie)))).json();
    expect(held.list!.items).toHaveLength(40);
    expect(held.list!.items.every((r: { held: boolean }) => r.held)).toBe(true);
    const one = held.list!.items[0].id as number;
    const unit = await signIn("unit");
    await expect(
      listAction(args(staffRequest("/staff/feedback", unit.cookie, { form: { intent: "release", id: String(one) } }))),
    ).rejects.toMatchObject({ status: 403 });
    const res = await listAction(
      args(staffRequest("/staff/feedback", office.cookie, { form: { intent: "release", id: String(one) } })),
    );
    expect(await res.json()).toEqual({ released: 1, error: null });
    const after = await (await listLoader(args(staffRequest("/staff/feedback?view=held", office.cookie)))).json();
    expect(after.list!.items).toHaveLength(39);
    const audit = await db()
      .selectFrom("audit_log")
      .select(["actor_id", "details"])
      .where("action", "=", "feedback.release_hold")
      .execute();
    expect(audit).toEqual([{ actor_id: office.id, details: { ids: [one] } }]);
    const bad = await listAction(
      args(staffRequest("/staff/feedback", office.cookie, { form: { intent: "release", id: "x" } })),
    );
    expect(bad.status).toBe(400);
  }, 120_000);
});
