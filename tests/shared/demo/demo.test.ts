import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { createDemoDataset, DEMO_CONTENT_SHA256, DEMO_AGE_BANDS, DEMO_C18_LEAVES, DEMO_CODES, DEMO_YEARS } from '../../../shared/demo/dataset';
import { DEMO_STUDY } from '../../../shared/demo/study';
import { runDemo } from '../../../shared/demo/run-demo';
import { validateStudy } from '../../../shared/criteria/validate';
import { datasetContentHash } from '../../../shared/counts/content-hash';
import { COUNTY_CODES } from '../../../shared/regions/regions';

describe('demo dataset', () => {
  const dataset = createDemoDataset();
  const dim = (key: string) => dataset.dimensions.findIndex((d) => d.key === key);
  const value = (key: string, i: number) => dataset.dimensions[dim(key)]!.values[dataset.columns[dim(key)]![i]!]!;

  it('is plainly synthetic', () => {
    expect(dataset.provenance.synthetic).toBe(true);
    expect(dataset.provenance.publisher).toBe('Antal demo (syntetiska data)');
    expect(dataset.provenance.notes).toContain('Syntetiska demodata – inte verkliga patienter.');
  });

  it('is identical on every run, down to its content hash', () => {
    const again = createDemoDataset();
    // The content hash covers every column; comparing it is much faster than a deep comparison.
    expect(datasetContentHash(again)).toBe(datasetContentHash(dataset));
    expect(again.provenance).toEqual(dataset.provenance);
    expect(dataset.provenance.sha256).toBe(datasetContentHash(dataset));
  });

  it('states the content hash of the columns it generates (the stored constant is checked with an independent SHA-256)', () => {
    // The generator states its digest instead of hashing 1.4 MB at every first start; recomputed here from the
    // generated data, as the hash is defined: canonical JSON (keys sorted) of the basis, dimensions and cell count,
    // then each index column as 32-bit, low/point/high as 64-bit floats (little-endian), the mask as bytes.
    const canonical = (v: unknown): string =>
      Array.isArray(v)
        ? `[${v.map(canonical).join(',')}]`
        : v !== null && typeof v === 'object'
          ? `{${Object.keys(v).filter((k) => (v as Record<string, unknown>)[k] !== undefined).sort().map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(',')}}`
          : JSON.stringify(v);
    const n = dataset.cellCount;
    const hash = createHash('sha256').update(canonical({ basis: dataset.basis, dimensions: dataset.dimensions, cellCount: n }), 'utf8');
    const littleEndian = (array: Uint32Array | Float64Array | Uint8Array): Buffer => {
      const out = Buffer.alloc(n * array.BYTES_PER_ELEMENT);
      for (let i = 0; i < n; i++) {
        if (array instanceof Uint32Array) out.writeUInt32LE(array[i]!, i * 4);
        else if (array instanceof Float64Array) out.writeDoubleLE(array[i]!, i * 8);
        else out.writeUInt8(array[i]!, i);
      }
      return out;
    };
    for (const column of dataset.columns) hash.update(littleEndian(column));
    for (const values of [dataset.low, dataset.point, dataset.high, dataset.masked]) hash.update(littleEndian(values));
    const independent = hash.digest('hex');
    expect(DEMO_CONTENT_SHA256).toBe(independent);
    expect(dataset.provenance.sha256).toBe(independent);
    expect(datasetContentHash(dataset)).toBe(independent);
  });

  it('has the 21 regions and a national row, five years, 18 age bands, both sexes', () => {
    expect([...dataset.dimensions[dim('region')]!.values].sort()).toEqual([...COUNTY_CODES, 'national'].sort());
    expect(dataset.dimensions[dim('year')]!.values).toEqual([...DEMO_YEARS]);
    expect(dataset.dimensions[dim('age')]!.values).toEqual([...DEMO_AGE_BANDS]);
    expect(dataset.dimensions[dim('sex')]!.values).toEqual(['male', 'female']);
    expect(dataset.dimensions[dim('icd10')]!.values).toEqual([...DEMO_CODES]);
    // 5 years × 2 sexes × 18 bands × 8 codes × 22 regions.
    expect(dataset.cellCount).toBe(5 * 2 * 18 * 8 * 22);
  });

  it('masks true counts of 1–3 as X (1–3, point 2) and nothing else', () => {
    let masked = 0;
    const wrong: number[] = [];
    for (let i = 0; i < dataset.cellCount; i++) {
      const [low, point, high] = [dataset.low[i]!, dataset.point[i]!, dataset.high[i]!];
      if (dataset.masked[i]) {
        masked++;
        if (low !== 1 || point !== 2 || high !== 3) wrong.push(i);
      } else if (low !== point || point !== high || (low !== 0 && low < 4)) wrong.push(i);
    }
    expect(wrong).toEqual([]);
    expect(masked).toBeGreaterThan(1000);
  });

  it('has about 6 500 colorectal cancers a year, rising steeply with age', () => {
    let colorectal = 0;
    const byAge = new Map<string, number>();
    for (let i = 0; i < dataset.cellCount; i++) {
      const code = value('icd10', i);
      if (value('region', i) === 'national' || !/^C(18\d|19|20)$/.test(code)) continue;
      colorectal += dataset.point[i]!;
      byAge.set(value('age', i), (byAge.get(value('age', i)) ?? 0) + dataset.point[i]!);
    }
    const perYear = colorectal / DEMO_YEARS.length;
    expect(perYear).toBeGreaterThan(6000);
    expect(perYear).toBeLessThan(7500);
    expect(byAge.get('70-74')!).toBeGreaterThan(10 * (byAge.get('40-44') ?? 0));
  });

  it('publishes C18 as the exact sum of its leaves wherever no cell is masked', () => {
    const sums = new Map<string, { leaves: number; total: number | null; masked: boolean }>();
    for (let i = 0; i < dataset.cellCount; i++) {
      const code = value('icd10', i);
      if (code !== 'C18' && !(DEMO_C18_LEAVES as readonly string[]).includes(code)) continue;
      const key = ['year', 'region', 'sex', 'age'].map((k) => value(k, i)).join('|');
      const entry = sums.get(key) ?? { leaves: 0, total: null, masked: false };
      if (code === 'C18') entry.total = dataset.point[i]!;
      else entry.leaves += dataset.point[i]!;
      entry.masked ||= dataset.masked[i] === 1;
      sums.set(key, entry);
    }
    let checked = 0;
    for (const entry of sums.values()) {
      expect(entry.total).not.toBeNull();
      if (!entry.masked) {
        expect(entry.total).toBe(entry.leaves);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(500);
  });
});

describe('DEMO_STUDY', () => {
  it('is a valid study', () => {
    expect(validateStudy(DEMO_STUDY)).toEqual([]);
  });
});

describe('runDemo', () => {
  const first = runDemo();

  it('is deterministic: two runs are identical', () => {
    const second = runDemo();
    const { dataset: _a, ...rest } = first;
    const { dataset: _b, ...secondRest } = second;
    expect(secondRest).toEqual(rest);
    expect(datasetContentHash(second.dataset)).toBe(datasetContentHash(first.dataset));
  });

  it('answers for all 21 regions and 6 healthcare regions', () => {
    expect(first.estimate.regions.map((r) => r.region)).toEqual([...COUNTY_CODES]);
    expect(first.estimate.healthcareRegions).toHaveLength(6);
    for (const r of first.estimate.regions) expect(r.eligible.point).toBeGreaterThan(0);
  });

  it('shows a published national total that differs from the sum of the regions', () => {
    const base = first.estimate.attrition[0]!;
    const diagnosis = first.estimate.attrition.find((a) => a.stepId === 'diagnosis')!;
    expect(base.totalPublished).toBeDefined();
    expect(diagnosis.totalPublished).toBeDefined();
    expect(diagnosis.totalPublished!.point).not.toBe(diagnosis.total.point);
    // People counted in two regions make the published row smaller than the (exact) low of the sum.
    expect(diagnosis.totalPublished!.point).toBeLessThan(diagnosis.total.point);
  });

  it('warns that the data are synthetic and the proportions assumed independent', () => {
    const codes = first.estimate.warnings.map((w) => w.code);
    expect(codes).toEqual(expect.arrayContaining(['synthetic-data', 'masked-cells', 'straddling-age-band', 'independence']));
  });

  it('forecasts exactly, with every site at a rate of its own, and gives a verdict consistent with its probability', () => {
    expect(first.projection.method).toBe('exact');
    expect(first.projection.sites.every((s) => s.source === 'own')).toBe(true);
    expect(first.projection.warnings).toEqual([]);
    expect(first.projection.sites).toHaveLength(8);
    expect(first.verdict.probability).toBe(first.projection.probability);
    const p = first.projection.probability;
    expect(first.verdict.verdict).toBe(p >= 0.8 ? 'very-good' : p >= 0.5 ? 'good' : 'small');
  });

  it('does not share its study object with DEMO_STUDY', () => {
    first.study.steps[0]!.enabled = false;
    expect(DEMO_STUDY.steps[0]!.enabled).toBe(true);
  });
});
