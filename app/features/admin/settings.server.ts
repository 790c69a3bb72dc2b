// Reading and changing the portal's settings (the `setting` table, one JSON value per key).
// Features call getSettings() for typed values; a key missing from the table answers its default.
import { recordAudit, type StaffActor } from "~/kernel/audit.server";
import { db } from "~/kernel/db/db.server";
import {
  defaultSettings,
  fitsSetting,
  SETTING_DEFS,
  type SettingDef,
  type SettingKey,
  type Settings,
} from "~/features/admin/settings";
import type { Client } from "~/kernel/http/client";

const KEYS: readonly string[] = SETTING_DEFS.map((d) => d.key);
const DEFS: readonly SettingDef[] = SETTING_DEFS;

/** Stored values over the defaults; a value of the wrong type (a hand-edited row) keeps the default. */
function withStored(rows: { key: string; value: unknown }[]): Settings {
  const settings: Record<string, number | string> = defaultSettings();
  for (const r of rows) {
    const def = DEFS.find((d) => d.key === r.key);
    if (def && fitsSetting(def, r.value)) settings[r.key] = r.value;
  }
  return settings as Settings;
}

export async function getSettings(): Promise<Settings> {
  const rows = await db()
    .selectFrom("setting")
    .select(["key", "value"])
    .where("key", "in", [...KEYS])
    .execute();
  return withStored(rows);
}

export async function getSetting<K extends SettingKey>(key: K): Promise<Settings[K]> {
  return (await getSettings())[key];
}

/** Rows of the table this page does not know (another feature's, or old ones), shown read-only. */
export async function otherSettings() {
  const rows = await db().selectFrom("setting").select(["key", "value"]).orderBy("key").execute();
  return rows.filter((r) => !KEYS.includes(r.key)).map((r) => ({ key: r.key, value: JSON.stringify(r.value) }));
}

/** Saves the values that changed and records one audit entry with each old → new value.
 * Returns the keys that changed. */
export async function updateSettings(next: Settings, actor: StaffActor, client: Client): Promise<string[]> {
  return db()
    .transaction()
    .execute(async (trx) => {
      const rows = await trx
        .selectFrom("setting")
        .select(["key", "value"])
        .where("key", "in", [...KEYS])
        .forUpdate()
        .execute();
      const current: Record<string, number | string> = withStored(rows);
      const changes: Record<string, { from: number | string; to: number | string }> = {};
      for (const def of DEFS) {
        const to = (next as Record<string, number | string>)[def.key];
        const stored = rows.find((r) => r.key === def.key);
        if (stored && current[def.key] === to) continue;
        if (!stored && to === def.default) continue;
        changes[def.key] = { from: current[def.key], to };
        await trx
          .insertInto("setting")
          .values({ key: def.key, value: JSON.stringify(to), updated_by: actor.id })
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
