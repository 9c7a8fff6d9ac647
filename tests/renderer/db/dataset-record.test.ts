// A dataset goes into the database as its header and its cells and comes back equal, whatever its header holds.
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { Dataset } from '../../../shared/counts/dataset';
import { loadDataset, saveDataset } from '../../../renderer/src/db/database';
import { buildDataset, exact, maskedX, type Row } from '../../shared/helpers';
import { deleteDatabases, freshDb } from '../import/import-helpers';

afterEach(deleteDatabases);

const row: fc.Arbitrary<Row> = fc.tuple(
  fc.constantFrom('2021', '2022'),
  fc.constantFrom('01', '12', 'national'),
  fc.constantFrom('C18', 'C20'),
  fc.constantFrom('male', 'female'),
  fc.constantFrom('0-4', '85+'),
  fc.oneof(fc.nat(1000).map(exact), fc.constant(maskedX)),
);

describe('a stored dataset', () => {
  it('loads back equal to what was saved, typed-array columns included', async () => {
    const db = freshDb('dataset-record');
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 20 }), async (rows) => {
        const dataset = { ...buildDataset(rows), id: `d${n++}` };
        await saveDataset(db, dataset, new Date('2026-03-01T10:00:00Z'));
        const back = await loadDataset(db, dataset.id);
        expect(back).toEqual(dataset);
        expect(back!.low).toBeInstanceOf(Float64Array);
        expect(back!.columns[0]).toBeInstanceOf(Uint32Array);
      }),
      { numRuns: 25, seed: 20260303 },
    );
  });

  it('keeps every member of its header, also one added after this code was written, and records when it was imported', async () => {
    const db = freshDb('dataset-record-header');
    // A header member the database code does not name (as a later release adds one) is stored and loaded too.
    const dataset = { ...buildDataset([['2021', '01', 'C18', 'male', '0-4', exact(3)]]), id: 'h', laterMember: ['lakemedel'] } as Dataset;
    await saveDataset(db, dataset, new Date('2026-03-01T10:00:00Z'));
    expect(await db.datasets.get('h')).toMatchObject({ laterMember: ['lakemedel'], importedAt: '2026-03-01T10:00:00.000Z', cellCount: 1 });
    expect(await db.datasets.get('h')).not.toHaveProperty('low');
    expect(await loadDataset(db, 'h')).toEqual(dataset);
  });
});
