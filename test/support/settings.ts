// Sets one portal setting directly, for tests whose subject is not that setting.
import type { SettingKey } from "~/features/admin/settings";
import { db } from "~/kernel/db/db.server";

export async function setSetting(key: SettingKey, value: number) {
  await db()
    .insertInto("setting")
    .values({ key, value: JSON.stringify(value), updated_by: null })
    .onConflict((oc) =>
      oc.columns(["agency_id", "key"]).doUpdateSet({ value: JSON.stringify(value), updated_at: new Date() }),
    )
    .execute();
}

/** Tests about flags and versions count a handful of hand-made responses; the suppression of
 * small groups (docs/rules/suppression.md) has its own tests and would hide these figures. */
export const showSmallGroups = () => setSetting("satisfaction.suppression_threshold", 1);
