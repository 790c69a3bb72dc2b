// Reading registrations: finding one by its full code, what a registrant sees of their own, the
// seat counts, and the staff list of registrants with contact details.
import { sql, type Kysely } from "kysely";
import { db } from "~/kernel/db/db.server";
import { sameSecret } from "~/kernel/secret-compare.server";
import { waitlistPlace } from "~/features/dialogue/dialogue-registration.server";
import type { Database } from "../../../db/types";

/** The registration a full code (door code + secret key) and a phone or email point to within the
 * page's agency, or null (the same answer for a wrong code, key or contact, or a code of another
 * agency, so none can be probed alone). */
export async function findRegistration(
  agencyId: number,
  code: string,
  key: string,
  contact: { phone: string } | { email: string },
): Promise<number | null> {
  let q = db()
    .selectFrom("dialogue_registration")
    .select(["id", "access_key"])
    .where("agency_id", "=", agencyId)
    .where("code", "=", code);
  q = "phone" in contact ? q.where("phone_norm", "=", contact.phone) : q.where("email_norm", "=", contact.email);
  const row = await q.orderBy("id", "desc").limit(1).executeTakeFirst();
  const ok = sameSecret(row?.access_key ?? "", key);
  return row && ok ? row.id : null;
}

/** What the person sees about their own registration. */
export async function getOwnRegistration(agencyId: number, id: number) {
  const r = await db()
    .selectFrom("dialogue_registration")
    .select([
      "id",
      "session_id",
      "code",
      "access_key",
      "name",
      "kind",
      "organisation",
      "status",
      "waitlist_seq",
      "checked_in_at",
      "created_at",
      "promoted_at",
      "phone",
      "email",
    ])
    .where("agency_id", "=", agencyId)
    .where("id", "=", id)
    .executeTakeFirst();
  if (!r) return null;
  const place = r.status === "waitlisted" ? await waitlistPlace(db(), agencyId, r.session_id, r.waitlist_seq) : null;
  return { ...r, place };
}

export async function seatCounts(sessionId: number, conn: Kysely<Database> = db()) {
  const rows = await conn
    .selectFrom("dialogue_registration")
    .select([
      "status",
      "kind",
      (eb) => eb.fn.countAll<number>().as("n"),
      (eb) => eb.fn.count<number>("checked_in_at").as("checked_in"),
    ])
    .where("session_id", "=", sessionId)
    .groupBy(["status", "kind"])
    .execute();
  const sum = (pred: (r: (typeof rows)[number]) => boolean, f: "n" | "checked_in" = "n") =>
    rows.filter(pred).reduce((a, r) => a + Number(r[f]), 0);
  return {
    confirmed: sum((r) => r.status === "confirmed"),
    waitlisted: sum((r) => r.status === "waitlisted"),
    cancelled: sum((r) => r.status === "cancelled"),
    walkIns: sum((r) => r.status === "walk_in"),
    toConfirm: sum((r) => r.status === "to_confirm"),
    checkedIn: {
      citizen: sum((r) => r.kind === "citizen", "checked_in"),
      business: sum((r) => r.kind === "business", "checked_in"),
      total: sum(() => true, "checked_in"),
    },
  };
}

/** Every registrant with contact details, for office staff. Personal data: the caller logs pii.view. */
export async function listRegistrants(sessionId: number) {
  return db()
    .selectFrom("dialogue_registration")
    .select([
      "id",
      "code",
      // The secret half, so staff can read the full code out to the registrant on the phone.
      "access_key",
      "name",
      "phone",
      "email",
      "kind",
      "organisation",
      "accessibility",
      "status",
      "waitlist_seq",
      "channel",
      "created_at",
      "checked_in_at",
      // Place on the waitlist, counted the same way waitlistPlace counts it.
      sql<
        number | null
      >`case when status = 'waitlisted' then row_number() over (partition by status order by waitlist_seq) end`.as(
        "place",
      ),
    ])
    .where("session_id", "=", sessionId)
    .orderBy((eb) =>
      eb
        .case()
        .when("status", "=", "confirmed")
        .then(0)
        .when("status", "=", "walk_in")
        .then(1)
        .when("status", "=", "waitlisted")
        .then(2)
        .else(3)
        .end(),
    )
    .orderBy("waitlist_seq")
    .orderBy("id")
    .execute();
}
