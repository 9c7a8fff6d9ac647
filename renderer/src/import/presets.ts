/**
 * Mapping presets: what the user confirmed for a source (column roles, token meanings, publisher, basis),
 * remembered per source signature (normalised headers + delimiter), so next month's export of the same table
 * imports in one click. Stored in the settings table under `importPreset:<signature>`; written in the same
 * transaction as the datasets it was confirmed with.
 */
import type { ColumnMapping, ImportMapping, MaskMeaning } from '../../../shared/import';
import type { CountKind, RegionBasis } from '../../../shared/counts/dataset';
import type { AntalDatabase } from '../db/database';

export const PRESET_KEY_PREFIX = 'importPreset:';

export interface ImportPresetMeta {
  publisher: string;
  basisKind: CountKind;
  regionBasis: RegionBasis;
  coverage: string;
  /** The user's answers whether a column's values overlap for one person (absent in presets saved before it was asked). */
  overlapChoice?: Record<string, boolean>;
}

export interface ImportPreset {
  version: 1;
  signature: string;
  /** ISO timestamp of the import that saved it. */
  savedAt: string;
  /** Name of the file the preset was confirmed on (shown to the user). */
  fileName: string;
  columns: ColumnMapping[];
  ratePopulation: Record<string, string>;
  maskTokens: Record<string, MaskMeaning>;
  zeroTokens: string[];
  /** Measure keys the user kept. */
  keep: string[];
  meta: ImportPresetMeta;
}

export function presetKey(signature: string): string {
  return `${PRESET_KEY_PREFIX}${signature}`;
}

function isPreset(value: unknown): value is ImportPreset {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<ImportPreset>;
  return v.version === 1 && typeof v.signature === 'string' && Array.isArray(v.columns) && Array.isArray(v.keep) && typeof v.meta === 'object' && v.meta !== null;
}

export async function loadPreset(db: AntalDatabase, signature: string): Promise<ImportPreset | null> {
  const record = await db.settings.get(presetKey(signature));
  return record && isPreset(record.value) ? record.value : null;
}

/** Writes the preset; call inside the commit's transaction so it is stored together with the datasets or not at all. */
export async function savePreset(db: AntalDatabase, preset: ImportPreset): Promise<void> {
  await db.settings.put({ key: presetKey(preset.signature), value: preset });
}

export function presetFrom(input: {
  signature: string;
  savedAt: Date;
  fileName: string;
  mapping: ImportMapping;
  keep: readonly string[];
  meta: ImportPresetMeta;
}): ImportPreset {
  return {
    version: 1,
    signature: input.signature,
    savedAt: input.savedAt.toISOString(),
    fileName: input.fileName,
    columns: input.mapping.columns,
    ratePopulation: input.mapping.ratePopulation,
    maskTokens: input.mapping.maskTokens,
    zeroTokens: input.mapping.zeroTokens,
    keep: [...input.keep],
    meta: input.meta,
  };
}

/**
 * The detected mapping with the preset's roles and token meanings applied; null when the preset does not fit
 * (another number of columns). Excluded lines are never carried over: they belong to one file. A measure
 * column keeps this file's detected number format, since the values decide it, unless detection left it open.
 */
export function applyPreset(detected: ImportMapping, preset: ImportPreset, ambiguousColumns: ReadonlySet<number> = new Set()): ImportMapping | null {
  if (preset.columns.length !== detected.columns.length) return null;
  const columns = preset.columns.map((remembered, i): ColumnMapping => {
    const fresh = detected.columns[i]!;
    if (remembered.kind === 'measure' && fresh.kind === 'measure' && !ambiguousColumns.has(i)) {
      return { ...remembered, numberFormat: fresh.numberFormat };
    }
    return remembered;
  });
  return {
    columns,
    ratePopulation: { ...preset.ratePopulation },
    excludeLines: [],
    maskTokens: { ...detected.maskTokens, ...preset.maskTokens },
    zeroTokens: [...preset.zeroTokens],
  };
}
