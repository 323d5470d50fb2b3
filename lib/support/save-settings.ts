import type { Db } from "@/lib/db/client";
import { actorRef, type StaffActor } from "@/lib/auth/actor";
import { getSettings, updateSettings } from "@/lib/db/queries/settings";
import { recordEvent } from "@/lib/db/queries/events";
import type { SettingsValues } from "./settings-schema";

export type SettingsView = SettingsValues & { updatedAt: string };

export function toSettingsView(row: SettingsValues & { updatedAt: Date }): SettingsView {
  return {
    integratorName: row.integratorName,
    pushCurrencies: row.pushCurrencies,
    supportContact: row.supportContact,
    testPushTimeoutMinutes: row.testPushTimeoutMinutes,
    remindersEnabled: row.remindersEnabled,
    reminderDelayDays: row.reminderDelayDays,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * An admin saves the integrator's settings; what changed is logged with the admin's name, in the same
 * transaction as the change.
 */
export async function saveSettings(db: Db, opts: { values: SettingsValues; actor: StaffActor }): Promise<SettingsView> {
  const row = await db.transaction(async (tx) => {
    const before = await getSettings(tx);
    const saved = await updateSettings(tx, opts.values);
    const changed = (Object.keys(opts.values) as (keyof SettingsValues)[]).filter(
      (key) => JSON.stringify(before[key]) !== JSON.stringify(saved[key]),
    );
    if (changed.length) {
      await recordEvent(tx, { companyId: null, actor: actorRef(opts.actor), type: "settings.updated", data: { changed } });
    }
    return saved;
  });
  return toSettingsView(row);
}
