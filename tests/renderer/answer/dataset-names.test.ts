// A fix may name a dataset the answer does not link (a population table): its button must carry the dataset's
// name, read from every stored dataset, never the internal id; a dataset deleted meanwhile is called so.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { datasetNamer, loadDatasetNames } from '../../../renderer/src/answer/dataset-names';
import { saveDataset } from '../../../renderer/src/db/database';
import { fixLabel } from '../../../shared/answer/describe';
import { createDemoDataset } from '../../../shared/demo/dataset';
import { deleteDatabases, freshDb } from '../import/import-helpers';

afterEach(deleteDatabases);

describe('naming datasets in an answer', () => {
  it('names a population table the study does not link by its stored name, and a deleted one as deleted', async () => {
    const db = freshDb('names');
    const linked = { ...createDemoDataset(), id: 'linked-1', name: 'Kolorektalcancer 2019–2021' };
    const table = { ...createDemoDataset(), id: 'import-9f3a1c-population', name: 'BE0101N1 – Population' };
    await saveDataset(db, linked, new Date('2026-11-01T00:00:00Z'));
    await saveDataset(db, table, new Date('2026-11-02T00:00:00Z'));

    const name = datasetNamer([linked], await loadDatasetNames(db), 'ett borttaget dataset');
    const useTable = fixLabel({ kind: 'set-age-share-source', source: { kind: 'table', datasetId: table.id } }, 'sv', name);
    expect(useTable).toBe('Ta åldersandelarna från ”BE0101N1 – Population”');
    expect(fixLabel({ kind: 'unlink-dataset', datasetId: linked.id }, 'sv', name)).toBe('Koppla bort ”Kolorektalcancer 2019–2021”');
    expect(fixLabel({ kind: 'unlink-dataset', datasetId: 'import-0000-gone' }, 'sv', name)).toBe('Koppla bort ”ett borttaget dataset”');
    // A name the answer has at hand wins over an older stored one (a rename not yet reloaded).
    expect(datasetNamer([{ id: table.id, name: 'Befolkning 2019' }], await loadDatasetNames(db), '?')(table.id)).toBe('Befolkning 2019');
  });
});
