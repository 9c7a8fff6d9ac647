// Version 3 → 4: every stored study becomes a study of schema version 2 — its whole basis (from its datasets),
// its period criteria turned into the estimate's period, and the population table that version 1 kept in the
// settings turned into its age-share source — and the answer the app computes from it keeps its numbers' meaning.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_AGE_SHARE_RANGE } from '../../../shared/criteria/study';
import { AntalDatabase } from '../../../renderer/src/db/database';
import { deleteDatabases, freshDatabaseName, releasedDatabase } from './test-databases';
import { loadStudyInputs } from '../../../renderer/src/answer/study-inputs';

afterEach(deleteDatabases);
const freshName = (): string => freshDatabaseName('migration-v4');

/** A study as version 1 of the study schema wrote it. */
const studyV1 = (id: string, steps: unknown[], kind = 'prevalent') => ({
  schemaVersion: 1,
  id,
  version: 4,
  title: 'ADHD',
  sponsorReference: 'A-1',
  population: { kind, windowYears: 1 },
  ageReferenceDate: '2027-03-01',
  steps,
  recruitment: { targetPatients: 120, startDate: '2027-03-01', months: 12, consentRate: { low: 0.5, point: 0.6, high: 0.7 }, screenFailureRate: { low: 0.1, point: 0.2, high: 0.3 }, sites: [], rateShape: 4 },
  verdictThresholds: { veryGood: 0.8, good: 0.5 },
});

const step = (id: string, predicate: unknown, type = 'inclusion', enabled = true) => ({ id, type, enabled, protocolText: '', label: id, rule: { kind: 'predicate', predicate } });

describe('migration to version 4', () => {
  it('migrates every stored study to schema version 2, in place, and drops the old population setting', async () => {
    const name = freshName();
    const v3 = releasedDatabase(name, 3);
    await v3.open();
    const basis = { unit: 'persons', kind: 'prevalent', regionBasis: 'care' };
    await v3.table('datasets').put({ id: 'adhd', name: 'ADHD', basis, provenance: {}, dimensions: [], cellCount: 0, importedAt: '2026-01-01T00:00:00.000Z' });
    await v3.table('studies').bulkPut([
      {
        id: 'with-data',
        title: 'ADHD',
        updatedAt: '2026-01-02T00:00:00.000Z',
        datasetIds: ['adhd'],
        study: studyV1('with-data', [
          step('mph', { kind: 'extra', key: 'lakemedel', values: ['N06BA04 Metylfenidat'] }),
          step('years', { kind: 'period', from: '2018', to: '2020' }),
          step('not-2019', { kind: 'period', from: '2019', to: '2019' }, 'exclusion'),
          step('off', { kind: 'period', from: '2006', to: '2006' }, 'inclusion', false),
          step('girls', { kind: 'and', all: [{ kind: 'sex', sex: 'female' }, { kind: 'period', from: '2019', to: '2020' }] }),
        ]),
      },
      { id: 'no-data', title: 'Empty', updatedAt: '2026-01-03T00:00:00.000Z', datasetIds: [], study: studyV1('no-data', [], 'incident') },
    ]);
    await v3.table('settings').bulkPut([
      { key: 'population:with-data', value: 'scb-2019' },
      { key: 'language', value: 'sv' },
    ]);
    v3.close();

    const db = new AntalDatabase(name);
    await db.open();
    expect(db.verno).toBe(4);
    const migrated = (await db.studies.get('with-data'))!.study;
    expect(migrated.schemaVersion).toBe(2);
    // The basis from the linked dataset; the period from the period criteria (2018–2020, the "all of" part
    // 2019–2020 intersected: 2019–2020; 2019 left out); the disabled one dropped.
    expect(migrated.population).toEqual({
      kind: 'prevalent',
      windowYears: 1,
      unit: 'persons',
      regionBasis: 'care',
      period: { kind: 'range', from: '2019', to: '2020', exclude: [{ from: '2019', to: '2019' }] },
    });
    expect(migrated.steps.map((s) => s.id)).toEqual(['mph', 'girls']);
    expect(migrated.steps[1]!.rule).toEqual({ kind: 'predicate', predicate: { kind: 'sex', sex: 'female' } });
    expect(migrated.ageShare).toEqual({ source: { kind: 'table', datasetId: 'scb-2019' }, range: { ...DEFAULT_AGE_SHARE_RANGE }, note: '' });
    expect(await db.settings.get('population:with-data')).toBeUndefined();
    expect((await db.settings.get('language'))?.value).toBe('sv');

    const empty = (await db.studies.get('no-data'))!.study;
    expect(empty.population).toEqual({ kind: 'incident', windowYears: 1, unit: 'persons', regionBasis: 'residence', period: { kind: 'all' } });
    expect(empty.ageShare.source).toEqual({ kind: 'uniform' });
    db.close();
  });

  it('a study of version 1 written after the upgrade (an old backup restored) is migrated when read', async () => {
    const db = new AntalDatabase(freshName());
    await db.open();
    await db.settings.put({ key: 'population:late', value: 'scb' });
    await db.studies.put({ id: 'late', title: 'Late', updatedAt: '2026-01-01T00:00:00.000Z', datasetIds: [], study: studyV1('late', [step('y', { kind: 'period', from: '2020', to: '2020' })]) as never });
    const inputs = (await loadStudyInputs(db, 'late'))!;
    expect(inputs.study.schemaVersion).toBe(2);
    expect(inputs.study.population.period).toEqual({ kind: 'range', from: '2020', to: '2020' });
    expect(inputs.study.ageShare.source).toEqual({ kind: 'table', datasetId: 'scb' });
    expect(inputs.record.study).toBe(inputs.study);
    db.close();
  });
});
