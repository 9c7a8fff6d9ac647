// A study's population table: chosen among the stored datasets with an age dimension, remembered per study.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { saveDataset } from '../../../renderer/src/db/database';
import { loadPopulation, populationCandidates, populationTableId, withPopulationTable } from '../../../renderer/src/import/population-link';
import { DEMO_STUDY } from '../../../shared/demo/study';
import { createDemoDataset } from '../../../shared/demo/dataset';
import { importFile } from '../../../shared/import/import-file';
import { deleteDatabases, freshDb } from './import-helpers';

const POPULATION = join(__dirname, '../../fixtures/estimate-population.csv');

afterEach(deleteDatabases);

describe('population link', () => {
  it('offers imported datasets with an age dimension (not the synthetic demo); the choice is the study’s age-share source', async () => {
    const db = freshDb('population');
    const demo = createDemoDataset();
    const imported = await importFile({ name: 'befolkning.csv', bytes: new Uint8Array(readFileSync(POPULATION)) }, undefined, { publisher: 'SCB' });
    const population = imported.measures[0]!.dataset;
    const noAge = { ...population, id: 'no-age', name: 'utan ålder', dimensions: population.dimensions.filter((d) => d.role !== 'age') };
    await saveDataset(db, demo, new Date('2026-01-01T00:00:00Z'));
    await saveDataset(db, population, new Date('2026-01-02T00:00:00Z'));
    const records = [...(await db.datasets.toArray()), { ...noAge, importedAt: '2026-01-03T00:00:00Z' }];
    expect(populationCandidates(records).map((r) => r.id)).toEqual([population.id]);

    expect(await loadPopulation(db, DEMO_STUDY)).toBeNull();
    const chosen = withPopulationTable(DEMO_STUDY, population.id);
    expect(chosen.ageShare.source).toEqual({ kind: 'table', datasetId: population.id });
    expect(populationTableId(chosen)).toBe(population.id);
    expect((await loadPopulation(db, chosen))?.cellCount).toBe(population.cellCount);
    // A deleted dataset is no population; choosing none makes the shares uniform again.
    await db.datasets.delete(population.id);
    expect(await loadPopulation(db, chosen)).toBeNull();
    expect(withPopulationTable(chosen, null).ageShare.source).toEqual({ kind: 'uniform' });
  });
});
