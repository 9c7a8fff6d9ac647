/**
 * The answer file: made from an estimate under a disclosure policy (no hidden value in it), a valid draft
 * 2020-12 schema (checked by Ajv) that agrees with the app's own shape check, specific reading errors, and a
 * content hash that catches any edit.
 */
import Ajv2020 from 'ajv/dist/2020';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ANSWER_FILE_JSON_SCHEMA,
  AnswerFileDisclosureError,
  answerFilePrintedTable,
  createAnswerFile,
  criteriaHash,
  parseAnswerFile,
  verifyAnswerFileHash,
} from '../../../shared/answer-file';
import { checkDisclosure, DISCLOSURE_PRESETS } from '../../../shared/disclosure';
import { readPrintedText } from '../../../shared/disclosure/printed';
import { COUNTY_CODES } from '../../../shared/regions/regions';
import { makeEstimate } from '../disclosure/make-estimate';
import { CREATED_AT, OLDER_STUDY, PROVENANCE, STUDY, SODER, answer } from './fixtures';

const ajv = new Ajv2020({ allErrors: true, strict: true });
const validate = ajv.compile(ANSWER_FILE_JSON_SCHEMA);

describe('createAnswerFile', () => {
  it('keeps only the unit’s regions, disclosed: a hidden region holds its interval and "<5", never its value', () => {
    const file = SODER();
    expect(file.regions.map((r) => r.region)).toEqual(['07', '10', '12']);
    const blekinge = file.regions.find((r) => r.region === '10')!;
    expect(blekinge.point).toEqual({ text: '<5', low: 1, high: 4, suppressed: 'primary' });
    expect(blekinge.suppressed).toBe(true);
    expect(JSON.stringify(file.regions)).not.toMatch(/"low":3\b|"high":3\b|"text":"3"/);
    expect(file.regions.find((r) => r.region === '12')!.point).toEqual({ text: '200', low: 200, high: 200, suppressed: null });
  });

  it('records request, criteria hash, basis, policy, provenance and the moment', () => {
    const file = SODER();
    expect(file.request).toEqual({ reference: STUDY.sponsorReference, title: STUDY.title });
    expect(file.criteria).toEqual({ studyId: STUDY.id, studyVersion: 2, hash: criteriaHash(STUDY) });
    expect(criteriaHash(OLDER_STUDY)).not.toBe(criteriaHash(STUDY));
    expect(file.basis).toEqual({ unit: 'persons', kind: 'incident', regionBasis: 'residence' });
    expect(file.policy.name).toBe('OHDSI k = 5');
    expect(file.provenance).toEqual(PROVENANCE);
    expect(file.createdAt).toBe(CREATED_AT);
  });

  it('applies the policy’s k: a 7 prints under OHDSI (k = 5) but not under PCORnet (k = 11)', () => {
    const ohdsi = answer('A', ['09'], { '09': 7 });
    const pcornet = answer('A', ['09'], { '09': 7 }, { policy: DISCLOSURE_PRESETS['pcornet-act'] });
    expect(ohdsi.regions[0]!.point.text).toBe('7');
    expect(pcornet.regions[0]!.point).toEqual({ text: '<11', low: 1, high: 10, suppressed: 'primary' });
  });

  it('stores for every figure exactly the interval a reader infers from its printed text, under every preset', () => {
    fc.assert(
      fc.property(fc.constantFrom(...COUNTY_CODES), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 30 }), fc.constantFrom(...Object.values(DISCLOSURE_PRESETS)), (code, low, width, policy) => {
        const file = answer('A', [code], { [code]: { low, point: low + width / 2, high: low + width } }, { policy });
        const region = file.regions[0]!;
        for (const c of ['low', 'point', 'high'] as const) {
          const read = readPrintedText(region[c].text, c, policy);
          expect({ low: region[c].low, high: region[c].high ?? Infinity }).toEqual(read);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('passes its own disclosure audit', () => {
    expect(checkDisclosure(answerFilePrintedTable(SODER().regions), DISCLOSURE_PRESETS.ohdsi).ok).toBe(true);
  });

  it('refuses a unit without a region or a request without a reference', () => {
    const base = { unit: { name: 'A' }, study: STUDY, estimate: makeEstimate({}), basis: { unit: 'persons', kind: 'incident', regionBasis: 'residence' } as const, policy: DISCLOSURE_PRESETS.ohdsi, provenance: [], createdAt: CREATED_AT };
    expect(() => createAnswerFile({ ...base, regions: [] })).toThrow(/at least one region/);
    expect(() => createAnswerFile({ ...base, regions: ['01'], request: { reference: ' ', title: 'T' } })).toThrow(/reference/);
    expect(AnswerFileDisclosureError).toBeDefined();
  });
});

describe('the answer file schema and parseAnswerFile', () => {
  it('is a valid draft 2020-12 schema that accepts a made file, as the app’s own check does', () => {
    const file = SODER();
    expect(validate(file), JSON.stringify(validate.errors)).toBe(true);
    const parsed = parseAnswerFile(JSON.stringify(file, null, 2));
    expect(parsed.ok).toBe(true);
  });

  it('rejects what Ajv rejects, naming the JSON path, the value found and what was expected', () => {
    const file = JSON.parse(JSON.stringify(SODER())) as Record<string, unknown> & { regions: { point: { low: unknown } }[] };
    file.regions[1]!.point.low = -2;
    expect(validate(file)).toBe(false);
    const parsed = parseAnswerFile(JSON.stringify(file));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues[0]).toMatchObject({ path: '/regions/1/point/low', found: '-2', expected: 'a number ≥ 0' });
  });

  it('names a misspelt member, a missing one and a wrong format', () => {
    const { contentHash: _hash, ...rest } = SODER();
    const parsed = parseAnswerFile(JSON.stringify({ ...rest, format: 'antal-letter', clinic: [] }));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const paths = parsed.issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['/contentHash', '/format', '/clinic']));
    expect(parsed.issues.find((i) => i.path === '/format')!.message).toBe('/format: expected "antal-answer-file", found "antal-letter"');
  });

  it('gives line and column for a JSON syntax error', () => {
    const parsed = parseAnswerFile('{\n  "format": "antal-answer-file",\n  "unit": { "name": "A" ,, }\n}');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues[0]!.line).toBe(3);
    expect(parsed.issues[0]!.message).toMatch(/^line 3, column \d+: not valid JSON/);
  });

  it('rejects a region listed twice and an interval whose high is below its low', () => {
    const file = SODER();
    const twice = { ...file, regions: [file.regions[0]!, file.regions[0]!] };
    const parsed = parseAnswerFile(JSON.stringify(twice));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.issues[0]!.message).toMatch(/region 07 is listed twice/);
    const backwards = { ...file, regions: [{ ...file.regions[1]!, point: { text: '<5', low: 4, high: 1, suppressed: 'primary' } }] };
    const parsed2 = parseAnswerFile(JSON.stringify(backwards));
    expect(parsed2.ok).toBe(false);
    if (!parsed2.ok) expect(parsed2.issues[0]!.path).toBe('/regions/0/point/high');
  });
});

describe('verifyAnswerFileHash', () => {
  it('accepts the file as made, also after a JSON round trip with other key order', () => {
    const file = SODER();
    expect(verifyAnswerFileHash(file)).toBe(true);
    const reordered = JSON.parse(JSON.stringify(Object.fromEntries(Object.entries(file).reverse()))) as typeof file;
    expect(verifyAnswerFileHash(reordered)).toBe(true);
  });

  it('catches an edited figure', () => {
    const file = SODER();
    const edited = { ...file, regions: file.regions.map((r) => (r.region === '12' ? { ...r, point: { ...r.point, text: '250', low: 250, high: 250 } } : r)) };
    expect(verifyAnswerFileHash(edited)).toBe(false);
  });
});
