// The one study loader: the request store's versions and Early Feedback Form suggestions are computed from the
// same inputs as the answer on screen — the population table and the Halland rule included.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { DatasetBuilder, type DimensionSpec } from '../../../shared/counts/builder';
import type { Dataset } from '../../../shared/counts/dataset';
import { DEMO_STUDY } from '../../../shared/demo/study';
import { computeStudyAnswer, loadStudyInputs } from '../../../renderer/src/answer/study-inputs';
import { AntalDatabase, putSetting, saveDataset } from '../../../renderer/src/db/database';
import { HALLAND_RULE_KEY } from '../../../renderer/src/settings/halland-rule';
import { withPopulationTable } from '../../../renderer/src/import/population-link';
import { createRequest, linkDatasets, saveVersion, type StoreContext } from '../../../renderer/src/requests/request-store';
import { testProvenance } from '../../shared/study-builders';

let counter = 0;
const dbs: AntalDatabase[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

/** A prevalent count of persons by residence, from a test's own rows. */
const builder = (id: string, name: string, sha256: string, dimensions: DimensionSpec[]) =>
  new DatasetBuilder({
    id,
    name,
    basis: { unit: 'persons', kind: 'prevalent', regionBasis: 'residence' },
    provenance: testProvenance({ publisher: 'Test', sha256, periodFrom: '2020', periodTo: '2020' }),
    dimensions,
  });

/** Patients treated in 2020, aged 0–19 in one band: Stockholm 110, Skåne 50. */
function treated(): Dataset {
  const b = builder('treated', 'Treated 0–19', 'a'.repeat(64), [{ key: 'region', role: 'region' }, { key: 'age', role: 'age' }, { key: 'period', role: 'period' }]);
  b.add(['01', '0-19', '2020'], { low: 110, point: 110, high: 110, masked: false });
  b.add(['12', '0-19', '2020'], { low: 50, point: 50, high: 50, masked: false });
  return b.build();
}

/** Stockholm's population by single year: 10 a year at 0–5 and 18–19, 30 a year at 6–17 (Skåne: 10 at every age). */
function population(): Dataset {
  const b = builder('population', 'Population 2019', 'b'.repeat(64), [{ key: 'region', role: 'region' }, { key: 'age', role: 'age' }]);
  for (let age = 0; age <= 19; age++) {
    const persons = age >= 6 && age <= 17 ? 30 : 10;
    b.add(['01', String(age)], { low: persons, point: persons, high: persons, masked: false });
    b.add(['12', String(age)], { low: 10, point: 10, high: 10, masked: false });
  }
  return b.build();
}

async function setUp(): Promise<{ db: AntalDatabase; ctx: StoreContext; requestId: string; studyId: string }> {
  const db = new AntalDatabase(`antal-study-inputs-${process.pid}-${counter++}`);
  dbs.push(db);
  let id = 0;
  const ctx: StoreContext = { db, now: new Date('2026-03-02T09:00:00Z'), today: '2026-03-02', newId: () => `id-${++id}` };
  await saveDataset(db, treated(), new Date('2026-01-01T00:00:00Z'));
  await saveDataset(db, population(), new Date('2026-01-01T00:00:00Z'));
  const request = await createRequest(ctx, DEMO_STUDY, 'created');
  await linkDatasets(ctx, request, ['treated'], 'linked');
  const record = (await db.studies.get(request.studyId))!;
  const study = {
    ...withPopulationTable(record.study, 'population'),
    population: { ...record.study.population, kind: 'prevalent' as const, period: { kind: 'latest' as const } },
    steps: [{ id: 'age', type: 'inclusion' as const, enabled: true, protocolText: '6–17 years', label: '6–17 år', rule: { kind: 'predicate' as const, predicate: { kind: 'age' as const, min: 6, max: 17 } } }],
  };
  await db.studies.put({ ...record, study });
  await putSetting(db, HALLAND_RULE_KEY, 'vastra');
  return { db, ctx, requestId: request.id, studyId: request.studyId };
}

describe('the study loader', () => {
  it('a request version freezes the population-weighted figures the screen shows, not uniform age shares', async () => {
    const { db, ctx, requestId, studyId } = await setUp();
    const request = (await db.requests.get(requestId))!;
    const version = await saveVersion(ctx, request, { kind: 'snapshot', author: 'Anna', comment: 'sent', summary: 'version' });
    const stockholm = version.content.figures!.regions.find((r) => r.region === '01')!;
    const skane = version.content.figures!.regions.find((r) => r.region === '12')!;
    // Stockholm: 110 × (12 × 30) / (6 × 10 + 12 × 30 + 2 × 10) = 110 × 360 / 440 = 90 (uniform years would give 66).
    expect(stockholm.point).toBeCloseTo(90, 9);
    // Skåne: 50 × 12 / 20 = 30 (its population is flat, so weighted equals uniform).
    expect(skane.point).toBeCloseTo(30, 9);
    expect(version.content.figures!.national.point).toBeCloseTo(120, 9);
    expect(version.content.settings).toMatchObject({ hallandRule: { kind: 'all-to', healthcareRegion: 'vastra' }, population: { id: 'population', sha256: 'b'.repeat(64) } });

    // The screen's answer comes from the same loader: the same figures, the stored Halland rule.
    const answer = (await computeStudyAnswer((await loadStudyInputs(db, studyId))!))!;
    expect(answer.estimate.regions.find((r) => r.region === '01')!.eligible.point).toBeCloseTo(90, 9);
    expect(answer.hallandRule).toEqual({ kind: 'all-to', healthcareRegion: 'vastra' });
    // Halland has no patients here; Västra holds none of Stockholm's or Skåne's: 0, Södra: Skåne's 30.
    expect(answer.estimate.healthcareRegions.find((h) => h.id === 'sodra')!.eligible.point).toBeCloseTo(30, 9);
  });

  it('a study without datasets loads with no answer to compute', async () => {
    const { db, ctx } = await setUp();
    const other = await createRequest(ctx, DEMO_STUDY, 'created');
    const inputs = (await loadStudyInputs(db, other.studyId))!;
    expect(inputs.datasets).toEqual([]);
    expect(await computeStudyAnswer(inputs)).toBeNull();
    expect(await loadStudyInputs(db, 'no-such-study')).toBeNull();
  });
});
