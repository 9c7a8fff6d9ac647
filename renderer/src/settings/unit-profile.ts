// The study unit's profile, used on letters (letterhead, signature).
import { EMPTY_UNIT_PROFILE, type UnitProfile } from '../../../shared/answer/snapshot';
import { appendAudit, auditTables } from '../db/audit';
import { type AntalDatabase, getSetting, putSetting } from '../db/database';

export const UNIT_PROFILE_KEY = 'unitProfile';
export const MAX_LOGO_BYTES = 1024 * 1024;

export async function loadUnitProfile(db: AntalDatabase): Promise<UnitProfile> {
  return { ...EMPTY_UNIT_PROFILE, ...(await getSetting<Partial<UnitProfile>>(db, UNIT_PROFILE_KEY)) };
}

/** Stores the profile and records which fields changed in the audit trail (one transaction). */
export async function saveUnitProfile(db: AntalDatabase, profile: UnitProfile): Promise<void> {
  await db.transaction('rw', auditTables(db), async () => {
    const before = await loadUnitProfile(db);
    const fields = (Object.keys(EMPTY_UNIT_PROFILE) as (keyof UnitProfile)[]).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(profile[k]));
    await putSetting(db, UNIT_PROFILE_KEY, profile);
    if (fields.length > 0) await appendAudit(db, { kind: 'settings', summary: `Unit profile changed: ${fields.join(', ')}`, details: { key: UNIT_PROFILE_KEY, fields } });
  });
}
