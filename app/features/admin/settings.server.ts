// Reading and changing an agency's settings (the `setting` table, one JSON value per agency and
// key; docs/rules/agencies.md "Reports, settings and holidays"). Features call getSettings(agency)
// for typed values; a key the agency never saved answers its default (agencyDefaults). The
// satisfaction target lives on the agency's own row (`agency.target_percent`, migration 023), the
// one value the league, the dashboard and the reports all read.
import type { Kysely } from "kysely";
import { recordAudit, type StaffActor } from "~/kernel/audit.server";
import { db } from "~/kernel/db/db.server";
import {
  agencyDefaults,
  fitsSetting,
  SETTING_DEFS,
  type SettingDef,
  type SettingKey,
  type Settings,
} from "~/features/admin/settings";
import type { Client } from "~/kernel/http/client";
import type { Database } from "../../../db/types";

const TARGET = "satisfaction.target";
const KEYS: readonly string[] = SETTING_DEFS.map((d) => d.key).filter((k) => k !== TARGET);
const DEFS: readonly SettingDef[] = SETTING_DEFS;

async function agencyRow(conn: Kysely<Database>, agencyId: number, lock = false) {
  let q = conn
    .selectFrom("agency as a")
    .leftJoin("agency as p", "p.id", "a.parent_id")
    .select(["a.id", "a.code", "a.name_vi", "a.target_percent", "p.name_vi as parent_vi"])
    .where("a.id", "=", agencyId);
  if (lock) q = q.forUpdate("a");
  return q.executeTakeFirst();
}

/** Stored values over the agency's defaults; a value of the wrong type (a hand-edited row) keeps
 * the default. An agency that does not exist reads the portal's defaults. */
function withStored(
  agency: Awaited<ReturnType<typeof agencyRow>>,
  agencyId: number,
  rows: { key: string; value: unknown }[],
): Settings {
  const settings: Record<string, number | string> = agencyDefaults({
    id: agencyId,
    code: agency?.code ?? "",
    nameVi: agency?.name_vi ?? "",
    parentNameVi: agency?.parent_vi ?? null,
  });
  if (!agency) Object.assign(settings, Object.fromEntries(DEFS.map((d) => [d.key, d.default])));
  for (const r of rows) {
    const def = DEFS.find((d) => d.key === r.key);
    if (def && def.key !== TARGET && fitsSetting(def, r.value)) settings[r.key] = r.value;
  }
  // numeric comes back from the driver as text.
  const pct = Number(agency?.target_percent);
  if (Number.isFinite(pct) && pct > 0 && pct <= 100) settings[TARGET] = Math.round(pct * 10) / 1000;
  return settings as Settings;
}

export async function getSettings(agencyId: number): Promise<Settings> {
  const [agency, rows] = await Promise.all([
    agencyRow(db(), agencyId),
    db()
      .selectFrom("setting")
      .select(["key", "value"])
      .where("agency_id", "=", agencyId)
      .where("key", "in", [...KEYS])
      .execute(),
  ]);
  return withStored(agency, agencyId, rows);
}

export async function getSetting<K extends SettingKey>(agencyId: number, key: K): Promise<Settings[K]> {
  return (await getSettings(agencyId))[key];
}

/** The agency's rows this page does not know (another feature's, or old ones), shown read-only. */
export async function otherSettings(agencyId: number) {
  const rows = await db()
    .selectFrom("setting")
    .select(["key", "value"])
    .where("agency_id", "=", agencyId)
    .orderBy("key")
    .execute();
  return rows
    .filter((r) => !KEYS.includes(r.key) && r.key !== TARGET)
    .map((r) => ({ key: r.key, value: JSON.stringify(r.value) }));
}

/** Saves the agency's values that changed and records one audit entry with each old → new value.
 * Returns the keys that changed. */
export async function updateSettings(
  agencyId: number,
  next: Settings,
  actor: StaffActor,
  client: Client,
): Promise<string[]> {
  return db()
    .transaction()
    .execute(async (trx) => {
      const agency = await agencyRow(trx, agencyId, true);
      if (!agency) return [];
      const rows = await trx
        .selectFrom("setting")
        .select(["key", "value"])
        .where("agency_id", "=", agencyId)
        .where("key", "in", [...KEYS])
        .forUpdate()
        .execute();
      const current: Record<string, number | string> = withStored(agency, agencyId, rows);
      const defaults: Record<string, number | string> = withStored(agency, agencyId, []);
      const changes: Record<string, { from: number | string; to: number | string }> = {};
      for (const def of DEFS) {
        const to = (next as Record<string, number | string>)[def.key];
        if (def.key === TARGET) {
          if (current[TARGET] === to) continue;
          changes[TARGET] = { from: current[TARGET], to };
          await trx
            .updateTable("agency")
            .set({ target_percent: Math.round(Number(to) * 100000) / 1000 })
            .where("id", "=", agencyId)
            .execute();
          continue;
        }
        const stored = rows.find((r) => r.key === def.key);
        if (stored && current[def.key] === to) continue;
        if (!stored && to === defaults[def.key]) continue;
        changes[def.key] = { from: current[def.key], to };
        await trx
          .insertInto("setting")
          .values({ agency_id: agencyId, key: def.key, value: JSON.stringify(to), updated_by: actor.id })
          .onConflict((oc) =>
            oc
              .columns(["agency_id", "key"])
              .doUpdateSet({ value: JSON.stringify(to), updated_at: new Date(), updated_by: actor.id }),
          )
          .execute();
      }
      const keys = Object.keys(changes);
      if (keys.length)
        await recordAudit(
          client,
          {
            agencyId: actor.agencyId,
            actor,
            action: "settings.update",
            entity: "setting",
            entityId: keys.join(","),
            details: { changes },
          },
          trx,
        );
      return keys;
    });
}
