// A mapping the user confirmed once is remembered per source signature, so next month's export of the same
// table imports in one click with the remembered roles and token meanings.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { buildDataset } from '../../../shared/import';
import { commitImport } from '../../../renderer/src/import/dataset-store';
import { maskMeaning, withMaskToken, withRole } from '../../../renderer/src/import/mapping-edit';
import { applyPreset, loadPreset, presetFrom, presetKey, savePreset } from '../../../renderer/src/import/presets';
import { fileProblems, previewView } from '../../../renderer/src/import/preview-view';
import { analyseExport, deleteDatabases, freshDb, META, monthlyExport } from './import-helpers';

afterEach(deleteDatabases);

const meta = { publisher: 'Testregistret', basisKind: 'incident' as const, regionBasis: 'care' as const, coverage: '95 %' };

describe('mapping presets', () => {
  it('are stored under importPreset:<signature> and read back; other settings are not presets', async () => {
    const db = freshDb('preset');
    const preview = await analyseExport(monthlyExport('2021-03', 1234));
    const preset = presetFrom({ signature: preview.sourceSignature!, savedAt: new Date('2026-11-01T10:00:00Z'), fileName: preview.file.name, mapping: preview.mapping, keep: ['antal-patienter'], meta });
    await savePreset(db, preset);
    expect((await db.settings.get(`importPreset:${preview.sourceSignature}`))?.value).toEqual(preset);
    expect(await loadPreset(db, preview.sourceSignature!)).toEqual(preset);
    expect(await loadPreset(db, 'another-signature')).toBeNull();
    await db.settings.put({ key: presetKey('broken'), value: { version: 99 } });
    expect(await loadPreset(db, 'broken')).toBeNull();
  });

  it('next month\'s file from the same source gets the corrected roles and token meanings, and builds without further edits', async () => {
    const db = freshDb('preset-month');
    const march = await analyseExport(monthlyExport('2021-03', 1234), 'register_2021-03.csv');
    // The user's corrections in March: the rate column is not wanted, and this register's "X" means 1–4.
    let mapping = withRole(march.mapping, 4, 'ignore', { headers: march.table.headers, proposed: march.mapping, delimiter: ';' });
    mapping = withMaskToken(mapping, 'X', maskMeaning(1, 4)!);
    const marchResult = buildDataset(march, mapping, META);
    const keep = ['antal-patienter'];
    await commitImport(db, { auditSummary: (names) => `Importerade fil.csv (${names.join(", ")})`,
      result: marchResult,
      keep,
      importedAt: new Date('2026-04-02T08:00:00Z'),
      extra: { coverage: meta.coverage, userNotes: '', columnHeaders: march.table.headers },
      preset: presetFrom({ signature: march.sourceSignature!, savedAt: new Date('2026-04-02T08:00:00Z'), fileName: march.file.name, mapping, keep, meta }),
    });

    const april = await analyseExport(monthlyExport('2021-04', 1301), 'register_2021-04.csv');
    expect(april.sourceSignature).toBe(march.sourceSignature);
    expect(april.mapping.columns[4]).toMatchObject({ kind: 'measure' }); // detection alone proposes the rate again
    const preset = await loadPreset(db, april.sourceSignature!);
    expect(preset).not.toBeNull();
    const remembered = applyPreset(april.mapping, preset!);
    expect(remembered).not.toBeNull();
    expect(remembered!.columns[4]).toEqual({ kind: 'ignore' });
    expect(remembered!.maskTokens.X).toEqual({ low: 1, high: 4, point: 2.5 });
    expect(preset!.meta).toEqual(meta);
    expect(preset!.keep).toEqual(keep);

    const view = previewView(april, fileProblems(april), remembered!, 'sha');
    expect(view.errorCount).toBe(0);
    expect(view.tokens).toEqual([{ token: 'X', meaning: { low: 1, high: 4, point: 2.5 } }]);
    expect(view.measures.map((m) => m.key)).toEqual(['antal-patienter', 'antal-vardtillfallen']);
    const built = buildDataset(april, remembered!, META);
    const patients = built.measures.find((m) => m.key === 'antal-patienter')!.dataset;
    expect(Array.from(patients.high)).toEqual([1301, 4, 56, 1400]);
    expect(built.provenance.maskTokens).toEqual({ X: { low: 1, high: 4, point: 2.5 } });
  });

  it('does not apply to a table of another width, and never carries excluded lines over', async () => {
    const preview = await analyseExport(monthlyExport('2021-03', 1234));
    const preset = presetFrom({
      signature: 'sig',
      savedAt: new Date(),
      fileName: 'a.csv',
      mapping: { ...preview.mapping, excludeLines: [5] },
      keep: [],
      meta,
    });
    expect(applyPreset(preview.mapping, preset)?.excludeLines).toEqual([]);
    expect(applyPreset({ ...preview.mapping, columns: preview.mapping.columns.slice(1) }, preset)).toBeNull();
  });

  it('keeps this file\'s detected number format for measure columns unless detection was ambiguous there', async () => {
    const preview = await analyseExport(monthlyExport('2021-03', 1234));
    const remembered = preview.mapping.columns.map((c) => (c.kind === 'measure' ? { ...c, numberFormat: { decimal: '.' as const, thousands: ',' as const } } : c));
    const preset = presetFrom({ signature: 's', savedAt: new Date(), fileName: 'a.csv', mapping: { ...preview.mapping, columns: remembered }, keep: [], meta });
    const fresh = applyPreset(preview.mapping, preset)!;
    expect(fresh.columns[4]).toMatchObject({ numberFormat: { decimal: ',', thousands: 'none' } });
    const ambiguous = applyPreset(preview.mapping, preset, new Set([4]))!;
    expect(ambiguous.columns[4]).toMatchObject({ numberFormat: { decimal: '.', thousands: ',' } });
  });
});
