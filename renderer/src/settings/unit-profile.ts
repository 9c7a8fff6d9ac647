// The study unit's profile, used on letters (letterhead, signature).
import { EMPTY_UNIT_PROFILE, type UnitProfile } from '../../../shared/answer/snapshot';
import type { AntalDatabase } from '../db/database';
import { defineSetting, loadSetting, saveSetting, type AuditSay } from './setting';

export const MAX_LOGO_BYTES = 1024 * 1024;

const FIELDS = Object.keys(EMPTY_UNIT_PROFILE) as (keyof UnitProfile)[];

/**
 * Lenient, field by field: a profile saved by an older version (fewer fields) keeps what it has and gets the empty
 * value for the rest, so a unit's letterhead survives an upgrade; a stored value that is not a profile at all reads
 * as the empty profile, which the letter's checklist then asks the user to fill in.
 */
export const UNIT_PROFILE_SETTING = defineSetting<UnitProfile>({
  key: 'unitProfile',
  rule: 'lenient',
  fallback: EMPTY_UNIT_PROFILE,
  read: (stored) => (typeof stored === 'object' && stored !== null && !Array.isArray(stored) ? { ...EMPTY_UNIT_PROFILE, ...(stored as Partial<UnitProfile>) } : EMPTY_UNIT_PROFILE),
  audit: (profile, before, say) => {
    const fields = FIELDS.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(profile[k]));
    // The fields by the labels Settings shows them under ("Enhetens namn, Logotyp"); their keys stay in the details.
    const names = fields.map((k) => say(`settings.${k}`)).join(', ');
    return fields.length > 0 ? { kind: 'settings', summary: say('settings.audit.unitProfile', { fields: names }), details: { key: 'unitProfile', fields } } : null;
  },
});

export const UNIT_PROFILE_KEY = UNIT_PROFILE_SETTING.key;

export function loadUnitProfile(db: AntalDatabase): Promise<UnitProfile> {
  return loadSetting(db, UNIT_PROFILE_SETTING);
}

/** Stores the profile and records which fields changed in the audit trail (one transaction). */
export function saveUnitProfile(db: AntalDatabase, profile: UnitProfile, say: AuditSay): Promise<void> {
  return saveSetting(db, UNIT_PROFILE_SETTING, profile, say);
}
