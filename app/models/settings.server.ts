// Reading and changing the portal's settings (the `setting` table, one JSON value per key).
// Features call getSettings() for typed values; a key missing from the table answers its default.
import { recordAudit, type Actor } from "~/models/audit.server";
import { db } from "~/utils/db.server";
import { defaultSettings, SETTING_DEFS, type SettingKey, type Settings } from "~/lib/settings";
import type { Client } from "~/utils/client";

const KEYS: readonly string[] = SETTING_DEFS.map((d) => d.key);

export async function getSettings(): Promise<Settings> {
  const rows = await db().selectFrom("setting").select(["key", "value"]).where("key", "in", [...KEYS]).execute();
  const settings = defaultSettings();
  for (const r of rows) {
    // A value someone put in the table by hand that is not a number keeps the default.
    if (typeof r.value === "number" && Number.isFinite(r.value)) settings[r.key as SettingKey] = r.value;
  }
  return settings;
}

export async function getSetting<K extends SettingKey>(key: K): Promise<number> {
  return (await getSettings())[key];
}

/** Rows of the table this page does not know (another feature's, or old ones), shown read-only. */
export async function otherSettings() {
  const rows = await db().selectFrom("setting").select(["key", "value"]).orderBy("key").execute();
  return rows.filter((r) => !KEYS.includes(r.key)).map((r) => ({ key: r.key, value: JSON.stringify(r.value) }));
}

/** Saves the values that changed and records one audit entry with each old → new value.
 * Returns the keys that changed. */
export async function updateSettings(next: Settings, actor: Actor, client: Client): Promise<string[]> {
  return db()
    .transaction()
    .execute(async (trx) => {
      const rows = await trx.selectFrom("setting").select(["key", "value"]).where("key", "in", [...KEYS]).forUpdate().execute();
      const current = defaultSettings();
      for (const r of rows) if (typeof r.value === "number") current[r.key as SettingKey] = r.value;
      const changes: Record<string, { from: number; to: number }> = {};
      for (const def of SETTING_DEFS) {
        const to = next[def.key];
        const stored = rows.find((r) => r.key === def.key);
        if (stored && current[def.key] === to) continue;
        if (!stored && to === def.default) continue;
        changes[def.key] = { from: current[def.key], to };
        await trx
          .insertInto("setting")
          .values({ key: def.key, value: JSON.stringify(to), updated_by: actor.id })
          .onConflict((oc) => oc.column("key").doUpdateSet({ value: JSON.stringify(to), updated_at: new Date(), updated_by: actor.id }))
          .execute();
      }
      const keys = Object.keys(changes);
      if (keys.length) await recordAudit(client, { actor, action: "settings.update", entity: "setting", entityId: keys.join(","), details: { changes } }, trx);
      return keys;
    });
}
