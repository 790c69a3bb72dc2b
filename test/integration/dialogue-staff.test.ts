// Staff pages of the dialogue: who may do what, creating and publishing a session, moving and
// cancelling it (every registrant told, the calendar file updated), registering on someone's
// behalf, personal data shown only to the office and every view logged.
import * as ics from "~/routes/dialogues.$id_.ics";
import * as list from "~/routes/staff.dialogues._index";
import * as create from "~/routes/staff.dialogues.new";
import * as page from "~/routes/staff.dialogues.$id";
import * as questions from "~/routes/staff.dialogues.$id_.questions";
import * as checkin from "~/routes/staff.dialogues.$id_.checkin";
import * as minutes from "~/routes/staff.dialogues.$id_.minutes";
import * as scan from "~/routes/staff.dialogues.$id_.scan";
import { signUp } from "~/features/dialogue/dialogue-registration.server";
import { formatDateTime, fromVnInput, toVnInput } from "~/kernel/time/clock";
import { db } from "~/kernel/db/db.server";
import type { Role } from "../../db/tables/staff";
import { makeSession, person } from "../support/dialogue";
import { icsDate, parseIcsStrict } from "../support/ics-check";
import { signIn, staffRequest } from "../support/staff";

const ROUTES = { list, create, page, questions, checkin, minutes, scan } as const;
const ROLES: Role[] = ["admin", "office", "unit", "viewer"];
const DAY = 86400_000;
const args = (request: Request, id?: number) => ({ request, params: id ? { id: String(id) } : {}, context: {} });

async function writes() {
  const tables = [
    "dialogue_session",
    "dialogue_registration",
    "dialogue_question",
    "dialogue_answer",
    "dialogue_notification",
    "dialogue_minutes",
    "dialogue_followup",
    "dialogue_checkin_attempt",
    "audit_log",
  ] as const;
  const counts = await Promise.all(
    tables.map((t) =>
      db()
        .selectFrom(t)
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow(),
    ),
  );
  return counts.map((c) => Number(c.n)).join(",");
}

async function status(p: Promise<unknown>) {
  try {
    const res = (await p) as Response;
    return res.status;
  } catch (e) {
    if (e instanceof Response) return e.status;
    throw e;
  }
}

const sessionForm = (over: Record<string, string> = {}) => {
  const start = new Date(Date.now() + 30 * DAY);
  return {
    intent: "save",
    title_vi: "Đối thoại về thủ tục đo lường",
    title_en: "Dialogue on metrology procedures",
    topics: "Đo lường\nBức xạ",
    starts_at: toVnInput(start),
    ends_at: toVnInput(new Date(start.getTime() + 3 * 3600_000)),
    venue: "Hội trường Sở",
    chair: "Giám đốc Sở",
    secretary: "Chánh Văn phòng",
    capacity: "3",
    ...over,
  };
};

describe("access to the staff dialogue pages", () => {
  it("redirects without a session, refuses roles not listed with 403, and writes nothing then", async () => {
    const id = await makeSession();
    const users = Object.fromEntries(await Promise.all(ROLES.map(async (r) => [r, await signIn(r)] as const)));
    for (const [name, mod] of Object.entries(ROUTES)) {
      const access = mod.access;
      expect(access, name).toBeTruthy();
      const path = `/staff/dialogues/${id}`;
      await expect(mod.loader(args(staffRequest(path, null), id)), name).rejects.toMatchObject({ status: 302 });
      const action = (mod as { action?: (a: ReturnType<typeof args>) => Promise<Response> }).action;
      if (action)
        await expect(
          action(args(staffRequest(path, null, { form: { intent: "save" } }), id)),
          name,
        ).rejects.toMatchObject({ status: 302 });
      for (const role of ROLES) {
        if (!access.loader!.includes(role)) {
          const before = await writes();
          expect(
            await status(mod.loader(args(staffRequest(path, users[role].cookie), id))),
            `${name} loader as ${role}`,
          ).toBe(403);
          expect(await writes()).toBe(before);
        }
        if (action && !access.action!.includes(role)) {
          const before = await writes();
          expect(
            await status(action(args(staffRequest(path, users[role].cookie, { form: sessionForm() }), id))),
            `${name} action as ${role}`,
          ).toBe(403);
          expect(await writes()).toBe(before);
        }
      }
    }
  });

  it("lets a unit user see the question page but not moderate (403, nothing written)", async () => {
    const id = await makeSession();
    const unit = await signIn("unit");
    const r = await signUp(person(id, { question: "Câu hỏi" }));
    expect(r.ok).toBe(true);
    const q = await db()
      .selectFrom("dialogue_question")
      .select("id")
      .where("session_id", "=", id)
      .executeTakeFirstOrThrow();
    const before = await writes();
    const res = await status(
      questions.action(
        args(
          staffRequest(`/staff/dialogues/${id}/questions`, unit.cookie, {
            form: { intent: "approve", id: String(q.id), public_text: "x" },
          }),
          id,
        ),
      ),
    );
    expect(res).toBe(403);
    expect(await writes()).toBe(before);
  });
});

describe("a session's life", () => {
  it("is created as a draft, refuses a notice shorter than the setting, then publishes", async () => {
    const office = await signIn("office");
    const bad = await create.action(
      args(
        staffRequest("/staff/dialogues/new", office.cookie, {
          form: sessionForm({ publish_at: toVnInput(new Date(Date.now() + 27 * DAY)) }),
        }),
      ),
    );
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      errors: { publish_at: "dialogue.errors.noticeTooShort" },
      values: { title_vi: "Đối thoại về thủ tục đo lường" },
    });
    const empty = await create.action(
      args(staffRequest("/staff/dialogues/new", office.cookie, { form: { intent: "save" } })),
    );
    expect(Object.keys((await empty.json()).errors)).toEqual(
      expect.arrayContaining(["title_vi", "starts_at", "chair", "venue"]),
    );

    const res = await create.action(args(staffRequest("/staff/dialogues/new", office.cookie, { form: sessionForm() })));
    expect(res.status).toBe(303);
    const id = Number(res.headers.get("Location")!.split("/").pop());
    const s = await db().selectFrom("dialogue_session").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(s).toMatchObject({ status: "draft", capacity: 3, topics: ["Đo lường", "Bức xạ"] });
    // Blank publication date: exactly the notice period before the start.
    expect(s.starts_at.getTime() - s.publish_at.getTime()).toBe(7 * DAY);
    await expect(ics.loader(args(new Request(`http://localhost/dialogues/${id}/ics`), id))).rejects.toMatchObject({
      status: 404,
    });

    const pub = await page.action(
      args(
        staffRequest(`/staff/dialogues/${id}`, office.cookie, {
          form: { intent: "transition", transition: "publish" },
        }),
        id,
      ),
    );
    expect(pub.status).toBe(303);
    const after = await db()
      .selectFrom("dialogue_session")
      .select(["status", "published_at"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(after.status).toBe("published");
    expect(after.published_at).not.toBeNull();
    const audit = await db()
      .selectFrom("audit_log")
      .select("action")
      .where("entity_id", "=", String(id))
      .where("actor_id", "=", office.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["dialogue.create", "dialogue.publish"]));

    // A session starting in 3 days cannot be published now with a 7-day notice.
    const soon = await makeSession({ status: "draft", startsInDays: 3 });
    const late = await page.action(
      args(
        staffRequest(`/staff/dialogues/${soon}`, office.cookie, {
          form: { intent: "transition", transition: "publish" },
        }),
        soon,
      ),
    );
    expect(await late.json()).toMatchObject({
      errors: { _form: "dialogue.errors.noticeTooShortNow" },
      vars: { days: 7 },
    });
  });

  it("moving it tells every registrant (call list without mail) and bumps the calendar SEQUENCE", async () => {
    const office = await signIn("office");
    const id = await makeSession({ capacity: 2 });
    const a = await signUp(person(id));
    await signUp(person(id, { email: "binh@example.vn", emailNorm: "binh@example.vn" }));
    await signUp(person(id)); // waitlisted: told too
    // Only an email, which cannot go out here: to be written by hand, not on the list to phone.
    await signUp(
      person(id, {
        name: "Chỉ Có Email",
        phone: null,
        phoneNorm: null,
        email: "chi.email@example.vn",
        emailNorm: "chi.email@example.vn",
      }),
    );
    const icsOf = async () =>
      parseIcsStrict(await (await ics.loader(args(new Request(`http://localhost/dialogues/${id}/ics`), id))).text())
        .event;
    const before = await icsOf();
    expect(before.SEQUENCE).toBe("0");

    const s = await db().selectFrom("dialogue_session").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    // Forms take minutes, not seconds.
    const newStart = fromVnInput(toVnInput(new Date(s.starts_at.getTime() + 2 * DAY)))!;
    const form = sessionForm({
      title_vi: s.title_vi,
      capacity: "2",
      topics: "Đo lường\nBức xạ",
      starts_at: toVnInput(newStart),
      ends_at: toVnInput(new Date(newStart.getTime() + 3 * 3600_000)),
      publish_at: toVnInput(s.publish_at),
      registration_opens_at: toVnInput(s.registration_opens_at),
      registration_closes_at: toVnInput(s.registration_closes_at),
      venue: s.venue!,
    });
    const res = await page.action(args(staffRequest(`/staff/dialogues/${id}`, office.cookie, { form }), id));
    expect(res.status).toBe(303);
    // Four people told (no mail server here: none by email), so the page says 4, not 2.
    expect(res.headers.get("Location")).toMatch(/moved=4$/);
    const moved = await icsOf();
    expect(Number(moved.SEQUENCE)).toBe(1);
    expect(icsDate(moved.DTSTART)).toEqual(newStart);
    expect(moved.UID).toBe(before.UID);

    const notices = await db().selectFrom("dialogue_notification").selectAll().where("session_id", "=", id).execute();
    expect(notices).toHaveLength(4);
    expect(notices.every((n) => n.kind === "moved" && n.status === "to_call")).toBe(true);
    // The office sees the call list with what to say; the view is logged.
    const view = await (await page.loader(args(staffRequest(`/staff/dialogues/${id}`, office.cookie), id))).json();
    expect(view.calls).toHaveLength(3);
    expect(view.calls!.every((c: { phone: string | null }) => c.phone)).toBe(true);
    expect(view.writes).toMatchObject([{ name: "Chỉ Có Email", email: "chi.email@example.vn", phone: null }]);
    expect(view.calls![0].message).toContain(formatDateTime(newStart));
    expect(view.registrants).toHaveLength(4);
    const pii = await db()
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "pii.view")
      .where("actor_id", "=", office.id)
      .execute();
    expect(pii.length).toBe(1);
    expect(JSON.stringify(pii[0].details)).not.toContain("@");

    // Marking a call done takes it off the list, audited.
    const called = await page.action(
      args(
        staffRequest(`/staff/dialogues/${id}`, office.cookie, {
          form: { intent: "called", notification: String(view.calls![0].id) },
        }),
        id,
      ),
    );
    expect(called.status).toBe(303);
    expect(
      (await (await page.loader(args(staffRequest(`/staff/dialogues/${id}`, office.cookie), id))).json()).calls,
    ).toHaveLength(2);

    // A viewer sees counts, never the registrants or the call list, and no pii.view is written.
    const viewer = await signIn("viewer");
    const vv = await (await page.loader(args(staffRequest(`/staff/dialogues/${id}`, viewer.cookie), id))).json();
    expect(vv.registrants).toBeNull();
    expect(vv.calls).toBeNull();
    expect(vv.counts.confirmed).toBe(2);
    expect(JSON.stringify(vv)).not.toContain(a.ok ? a.registration.code : "-");
  });

  it("cancelling it needs a reason, tells everyone, and the calendar file says CANCELLED with a higher SEQUENCE", async () => {
    const office = await signIn("office");
    const id = await makeSession();
    await signUp(person(id));
    const noReason = await page.action(
      args(staffRequest(`/staff/dialogues/${id}`, office.cookie, { form: { intent: "cancel", reason: " " } }), id),
    );
    expect(await noReason.json()).toMatchObject({
      form: "cancel",
      errors: { reason: "dialogue.errors.reasonRequired" },
    });
    const res = await page.action(
      args(
        staffRequest(`/staff/dialogues/${id}`, office.cookie, {
          form: { intent: "cancel", reason: "Trùng lịch họp của Ủy ban tỉnh" },
        }),
        id,
      ),
    );
    expect(res.status).toBe(303);
    const { event } = parseIcsStrict(
      await (await ics.loader(args(new Request(`http://localhost/dialogues/${id}/ics`), id))).text(),
    );
    expect(event.STATUS).toBe("CANCELLED");
    expect(event.SEQUENCE).toBe("1");
    expect(event.DESCRIPTION).toContain("Trùng lịch họp");
    const n = await db()
      .selectFrom("dialogue_notification")
      .select(["kind", "message"])
      .where("session_id", "=", id)
      .execute();
    expect(n).toEqual([{ kind: "cancelled", message: expect.stringContaining("Trùng lịch họp") }]);
    // Nobody can sign up any more.
    expect(await signUp(person(id))).toEqual({ ok: false, reason: "closed" });
  });

  it("registers someone by phone on their behalf, recording the channel and the staff member", async () => {
    const office = await signIn("office");
    const id = await makeSession();
    const bad = await page.action(
      args(
        staffRequest(`/staff/dialogues/${id}`, office.cookie, {
          form: { intent: "register", name: "Bà Tư", kind: "citizen", channel: "phone", phone: "0912 000 111" },
        }),
        id,
      ),
    );
    expect(await bad.json()).toMatchObject({
      form: "register",
      errors: { consent_confirmed: "dialogue.errors.consentConfirmRequired" },
    });
    const res = await page.action(
      args(
        staffRequest(`/staff/dialogues/${id}`, office.cookie, {
          form: {
            intent: "register",
            name: "Bà Tư",
            kind: "citizen",
            channel: "phone",
            phone: "0912 000 111",
            consent_confirmed: "on",
          },
        }),
        id,
      ),
    );
    expect(res.headers.get("Location")).toMatch(/registered=[2-9A-HJKMNP-Z]{6}/);
    const r = await db()
      .selectFrom("dialogue_registration")
      .selectAll()
      .where("session_id", "=", id)
      .executeTakeFirstOrThrow();
    expect(r).toMatchObject({ channel: "phone", created_by: office.id, phone_norm: "0912000111", status: "confirmed" });
    const audit = await db()
      .selectFrom("audit_log")
      .select("action")
      .where("entity", "=", "dialogue_registration")
      .where("entity_id", "=", String(r.id))
      .execute();
    expect(audit.map((x) => x.action)).toContain("dialogue.register_on_behalf");

    // The office cancels it for them: audited, the seat is freed.
    const cancel = await page.action(
      args(
        staffRequest(`/staff/dialogues/${id}`, office.cookie, {
          form: { intent: "cancel_registration", registration: String(r.id) },
        }),
        id,
      ),
    );
    expect(cancel.status).toBe(303);
    expect(
      (await db().selectFrom("dialogue_registration").select("status").where("id", "=", r.id).executeTakeFirstOrThrow())
        .status,
    ).toBe("cancelled");
    // A registration of another session cannot be cancelled through this one.
    const other = await makeSession();
    const o = await signUp(person(other));
    const wrong = await status(
      page.action(
        args(
          staffRequest(`/staff/dialogues/${id}`, office.cookie, {
            form: { intent: "cancel_registration", registration: String(o.ok ? o.registration.id : 0) },
          }),
          id,
        ),
      ),
    );
    expect(wrong).toBe(404);
  });

  it("lists sessions with this year's figures for every staff role", async () => {
    await makeSession();
    const viewer = await signIn("viewer");
    const data = await (await list.loader(args(staffRequest("/staff/dialogues", viewer.cookie)))).json();
    expect(data.sessions.length).toBeGreaterThan(0);
    expect(data.canCreate).toBe(false);
    expect(data.figures).toMatchObject({ year: expect.any(Number), questions: expect.any(Object) });
  });
});
