// The study unit's profile, used on letters (letterhead, signature).
import { type AntalDatabase, getSetting, putSetting } from './database';

export const UNIT_PROFILE_KEY = 'unitProfile';
export const MAX_LOGO_BYTES = 1024 * 1024;

export interface UnitProfile {
  unitName: string;
  address: string;
  signatoryName: string;
  signatoryTitle: string;
  /** The logo as a data URL (PNG or SVG), or null. */
  logo: { name: string; mediaType: 'image/png' | 'image/svg+xml'; dataUrl: string } | null;
}

export const EMPTY_UNIT_PROFILE: UnitProfile = { unitName: '', address: '', signatoryName: '', signatoryTitle: '', logo: null };

export async function loadUnitProfile(db: AntalDatabase): Promise<UnitProfile> {
  return { ...EMPTY_UNIT_PROFILE, ...(await getSetting<Partial<UnitProfile>>(db, UNIT_PROFILE_KEY)) };
}

export async function saveUnitProfile(db: AntalDatabase, profile: UnitProfile): Promise<void> {
  await putSetting(db, UNIT_PROFILE_KEY, profile);
}
