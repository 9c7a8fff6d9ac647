// Which columns overlap is stored with the dataset at import, can be changed later with an audit entry, follows
// into the answer at once (a union of two drugs: an interval when they overlap, a plain sum when they do not) and
// survives a backup and restore.
import '../../reliability/browser-globals';
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBackup, prepareRestore } from '../../../renderer/src/backup/backup';
import { verifyAudit } from '../../../renderer/src/db/audit';
import { loadDataset } from '../../../renderer/src/db/database';
import { commitImport, setOverlappingDimensions } from '../../../renderer/src/import/dataset-store';
import { overlapColumns, overlapOfForm, emptyForm } from '../../../renderer/src/import/import-form';
import { analyseFile, buildDataset } from '../../../shared/import';
import { estimateEligible } from '../../../shared/estimate/estimate';
import { makeStudy, predicateStep } from '../../shared/helpers';
import { deleteDatabases, freshDb } from './import-helpers';

vi.setConfig({ testTimeout: 60_000 });
afterEach(deleteDatabases);

// Patients treated in 2020 by drug and region (persons, prevalent): a child on both drugs is under each.
const FILE = [
  'År;Läkemedel;Region;Kön;Antal patienter',
  '2020;N06BA04 Metylfenidat;Stockholms län;Båda könen;100',
  '2020;N06BA12 Lisdexamfetamin;Stockholms län;Båda könen;30',
  '2020;N06BA04 Metylfenidat;Uppsala län;Båda könen;20',
  '2020;N06BA12 Lisdexamfetamin;Uppsala län;Båda könen;25',
  '',
].join('\n');
const importedAt = new Date('2026-12-01T10:00:00Z');
const hallandRule = { kind: 'all-to', healthcareRegion: 'sodra' } as const;
const prevalentPersons = { kind: 'prevalent', windowYears: 1, unit: 'persons', regionBasis: 'residence', period: { kind: 'latest' } } as const;

async function imported(overlapChoice: Record<string, boolean>) {
  const preview = await analyseFile({ name: 'adhd.csv', bytes: new TextEncoder().encode(FILE) });
  const result = buildDataset(preview, preview.mapping, { publisher: 'Socialstyrelsen', name: 'ADHD', basis: { kind: 'prevalent', regionBasis: 'residence' } });
  return { preview, result, overlapChoice };
}

/** Both drugs, one criterion: the union of two values of the drug column. */
function bothDrugs(key: string) {
  return makeStudy([predicateStep('both', { kind: 'extra', key, values: ['N06BA04 Metylfenidat', 'N06BA12 Lisdexamfetamin'] })], { population: prevalentPersons });
}

describe('overlapping columns chosen by the user', () => {
  it('the import form offers the drug and region columns, defaulted to overlapping for prevalent persons', async () => {
    const { preview } = await imported({});
    const columns = overlapColumns(preview.mapping, preview.columns.map((c) => c.header));
    expect(columns.map((c) => c.label)).toEqual(['Läkemedel', 'Region']);
    const measures = [{ key: 'antal-patienter', name: 'Antal patienter', spec: { kind: 'count' as const, unit: 'persons' as const, evidence: 'Antal patienter' }, cells: 4 }];
    const form = { ...emptyForm('adhd.csv'), basisKind: 'prevalent' as const };
    const drug = columns[0]!.key;
    expect(overlapOfForm(form, measures, columns).overlapping).toEqual([drug, 'region']);
    expect(overlapOfForm({ ...form, basisKind: 'incident' }, measures, columns).overlapping).toEqual([drug]);
    expect(overlapOfForm({ ...form, overlapChoice: { [drug]: false } }, measures, columns)).toEqual({ overlapping: ['region'], defaults: [drug, 'region'] });
  });

  it('stored at import, changed later with an audit entry, and the union of two drugs follows: [max, sum] or the sum', async () => {
    const db = freshDb('overlap');
    const { result, preview } = await imported({});
    const drug = overlapColumns(preview.mapping, preview.columns.map((c) => c.header))[0]!.key;
    const [id] = await commitImport(db, { auditSummary: (names) => `Importerade fil.csv (${names.join(", ")})`, result, keep: ['antal-patienter'], importedAt, extra: { coverage: '', userNotes: '', columnHeaders: [] }, preset: null, overlapChoice: { [drug]: false } });
    let stored = (await loadDataset(db, id!))!;
    expect(stored.overlappingDimensions).toEqual(['region']);
    // Not overlapping: Stockholm 100 + 30 = 130, Uppsala 20 + 25 = 45, exact sums.
    let answer = estimateEligible(bothDrugs(drug), [stored], { hallandRule });
    expect(answer.regions.find((r) => r.region === '01')!.eligible).toMatchObject({ low: 130, point: 130, high: 130 });
    expect(answer.regions.find((r) => r.region === '03')!.eligible).toMatchObject({ low: 45, point: 45, high: 45 });
    expect(answer.regions.find((r) => r.region === '01')!.overlap).toBeUndefined();

    expect(await setOverlappingDimensions(db, id!, [drug, 'region', 'sex', 'nonsense'], 'Överlappande värden ändrade: Läkemedel, Region', importedAt)).toBe(true);
    stored = (await loadDataset(db, id!))!;
    // Only the dataset's own keys are kept, in its order.
    expect(stored.overlappingDimensions).toEqual(stored.dimensions.map((d) => d.key).filter((k) => [drug, 'region', 'sex'].includes(k)));
    // Overlapping: Stockholm at least max(100, 30) = 100, at most 130; Uppsala 25..45.
    answer = estimateEligible(bothDrugs(drug), [stored], { hallandRule });
    expect(answer.regions.find((r) => r.region === '01')!.eligible).toMatchObject({ low: 100, high: 130 });
    expect(answer.regions.find((r) => r.region === '03')!.eligible).toMatchObject({ low: 25, high: 45 });
    expect(answer.regions.find((r) => r.region === '01')!.overlap).toEqual([expect.objectContaining({ dimension: drug, combined: 'union' })]);

    const entries = await db.audit.orderBy('seq').toArray();
    expect(entries.at(-1)).toMatchObject({ kind: 'edit', summary: 'Överlappande värden ändrade: Läkemedel, Region', details: { datasetId: id, before: ['region'] } });
    expect((await verifyAudit(db)).ok).toBe(true);
    expect(await setOverlappingDimensions(db, 'no-such-dataset', [], 'x')).toBe(false);

    // A backup keeps the answer.
    const { bytes } = await createBackup(db, { now: importedAt, appVersion: '0.1.0' });
    const other = freshDb('overlap-restore');
    await (await prepareRestore(other, bytes)).commit();
    expect((await loadDataset(other, id!))!.overlappingDimensions).toEqual(stored.overlappingDimensions);
  });
});
