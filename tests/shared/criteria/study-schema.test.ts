/**
 * The study file's JSON Schema: a valid draft 2020-12 schema (checked by Ajv, a maintained validator), accepted
 * by the documents the app ships, and in agreement with the app's own shape check (checkStudyShape) on good and
 * broken documents. What a schema cannot say (low ≤ point ≤ high, unique ids, real ICD-10 codes) stays with
 * validateStudy; parseStudyFile applies both.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BENCH_STUDY } from '../../bench/bench-estimate';
import { STUDY_SCHEMA_VERSION } from '../../../shared/criteria/study';
import { STUDY_JSON_SCHEMA, STUDY_SCHEMA_ID, checkStudyShape, parseStudyFile } from '../../../shared/criteria/study-schema';
import { validateStudy } from '../../../shared/criteria/validate';
import { migrateStudy } from '../../../shared/criteria/study-migration';
import { DEMO_STUDY } from '../../../shared/demo/study';
import { makeStudy, predicateStep, proportionStep } from '../helpers';

const ajv = new Ajv2020({ allErrors: true, strict: true });
const validate = ajv.compile(STUDY_JSON_SCHEMA);
/** The CLI fixture is a version 1 file; its migration is a current study. */
const fixtureV1 = JSON.parse(readFileSync(join(__dirname, '../../fixtures/estimate-study.json'), 'utf8')) as unknown;
const fixture = migrateStudy(fixtureV1);
const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

const GOOD: [string, unknown][] = [
  ['the demo study', DEMO_STUDY],
  ['the benchmark study', BENCH_STUDY],
  ['the CLI fixture (version 1, migrated)', fixture],
  [
    'every predicate kind, a joint count and per-region shares',
    makeStudy([
      predicateStep('a', { kind: 'and', all: [{ kind: 'codes', codes: ['C18'] }, { kind: 'age', min: 18, max: null }] }),
      predicateStep('b', { kind: 'or', any: [{ kind: 'sex', sex: 'female' }, { kind: 'region', regions: ['01', '13'] }] }),
      predicateStep('c', { kind: 'not', predicate: { kind: 'hierarchy', key: 'lakemedel', scheme: 'atc', codes: ['N06BA'] } }, 'exclusion'),
      predicateStep('d', { kind: 'extra', key: 'stage', values: ['IV'] }),
      { ...proportionStep('e', { low: 0.1, point: 0.2, high: 0.3 }), rule: { kind: 'proportion', share: { low: 0.1, point: 0.2, high: 0.3 }, source: 'x', perRegion: { '01': { low: 0, point: 0.5, high: 1 } } } },
      { id: 'f', type: 'inclusion', enabled: false, protocolText: '', label: 'f', rule: { kind: 'joint-count', region: '03', count: { low: 2, point: 3, high: 40 }, source: 'Region Uppsala' } },
    ]),
  ],
];

/** A document being broken on purpose: any path may be poked, so its type says nothing. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Poked = Record<string, any>;

/** Broken copies of the demo study: what is wrong, and the path both checks must name. */
const BAD: [string, string, (s: Poked) => void][] = [
  ['a missing field', 'title', (s) => delete s.title],
  ['an unknown field', 'titel', (s) => (s.titel = 'x')],
  ['a wrong schema version', 'schemaVersion', (s) => (s.schemaVersion = 3)],
  ['an unknown unit', 'population.unit', (s) => (s.population.unit = 'patients')],
  ['a period range without its end', 'population.period.to', (s) => (s.population.period = { kind: 'range', from: '2019' })],
  ['an age-share source without its table', 'ageShare.source.datasetId', (s) => (s.ageShare.source = { kind: 'table' })],
  ['a negative age-share range', 'ageShare.range.low', (s) => (s.ageShare.range.low = -0.1)],
  ['a period criterion (version 1) in a version 2 study', 'steps[0].rule.predicate', (s) => (s.steps[0].rule.predicate = { kind: 'period', from: '2020', to: '2021' })],
  ['a string for a number', 'population.windowYears', (s) => (s.population.windowYears = '2')],
  ['a window of 0 years', 'population.windowYears', (s) => (s.population.windowYears = 0)],
  ['an unknown population kind', 'population.kind', (s) => (s.population.kind = 'both')],
  ['a date in another format', 'ageReferenceDate', (s) => (s.ageReferenceDate = '1 sept 2026')],
  ['a step type that does not exist', 'steps[0].type', (s) => (s.steps[0].type = 'include')],
  ['an unknown rule kind', 'steps[0].rule', (s) => (s.steps[0].rule.kind = 'formula')],
  ['an unknown predicate kind', 'steps[0].rule.predicate', (s) => (s.steps[0].rule.predicate.kind = 'diagnosis')],
  ['an empty code list', 'steps[0].rule.predicate.codes', (s) => (s.steps[0].rule.predicate.codes = [])],
  ['a fractional age', 'steps[1].rule.predicate.min', (s) => (s.steps[1].rule.predicate.min = 17.5)],
  ['a share above 1', 'steps[2].rule.share.high', (s) => (s.steps[2].rule.share.high = 1.3)],
  ['a proportion without its source', 'steps[2].rule.source', (s) => delete s.steps[2].rule.source],
  ['a site in no county', 'recruitment.sites[0].region', (s) => (s.recruitment.sites[0].region = '02')],
  ['a fractional target', 'recruitment.targetPatients', (s) => (s.recruitment.targetPatients = 12.5)],
  ['a negative activation month', 'recruitment.sites[1].activationMonth', (s) => (s.recruitment.sites[1].activationMonth = -1)],
  ['steps that are not a list', 'steps', (s) => (s.steps = {})],
  ['a threshold above 1', 'verdictThresholds.good', (s) => (s.verdictThresholds.good = 50)],
];

/** Ajv's instance path ("/steps/0/type") in our dotted form ("steps[0].type"); a missing or unknown property is named by its parent and params. */
function ajvPaths(): string[] {
  return (validate.errors ?? []).map((e) => {
    let path = e.instancePath.replace(/\/(\d+)/g, '[$1]').replace(/\//g, '.').replace(/^\./, '');
    const property = (e.params as { missingProperty?: string; additionalProperty?: string }).missingProperty ?? (e.params as { additionalProperty?: string }).additionalProperty;
    if (property) path = path === '' ? property : `${path}.${property}`;
    return path;
  });
}

describe('study JSON Schema', () => {
  it('is a valid draft 2020-12 schema whose $id carries the schema version', () => {
    expect(STUDY_JSON_SCHEMA.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(STUDY_SCHEMA_ID).toBe(`https://antal-feasibility.se/schemas/study/v${STUDY_SCHEMA_VERSION}.json`);
    expect(ajv.validateSchema(STUDY_JSON_SCHEMA)).toBe(true);
  });

  it.each(GOOD)('accepts %s (Ajv, the shape check and validateStudy alike)', (_, doc) => {
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    expect(checkStudyShape(doc)).toEqual([]);
    expect(validateStudy(doc as typeof DEMO_STUDY)).toEqual([]);
    expect(parseStudyFile(JSON.stringify(doc))).toEqual({ ok: true, study: doc });
  });

  it.each(BAD)('rejects %s, and both checks name %s', (_, path, breakIt) => {
    const doc = clone(DEMO_STUDY) as unknown as Poked;
    breakIt(doc);
    expect(validate(doc)).toBe(false);
    expect(ajvPaths()).toContain(path);
    const issues = checkStudyShape(doc);
    expect(issues.map((i) => i.path)).toContain(path);
    const parsed = parseStudyFile(JSON.stringify(doc));
    expect(parsed.ok).toBe(false);
  });

  it('agrees with Ajv on randomly broken documents: valid for one exactly when valid for the other', () => {
    const replacement = fc.oneof(fc.constant(null), fc.boolean(), fc.integer({ min: -3, max: 3 }), fc.double({ min: -2, max: 2, noNaN: true }), fc.constantFrom('', 'x', '01', 'female', 'C18', 'incident'), fc.constant([]), fc.constant({}));
    /** Every path to a value inside the document. */
    const pathsOf = (value: unknown, prefix: (string | number)[] = []): (string | number)[][] =>
      value !== null && typeof value === 'object'
        ? [prefix, ...Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...prefix, Array.isArray(value) ? Number(k) : k]))]
        : [prefix];
    const docs = [DEMO_STUDY, fixture];
    fc.assert(
      fc.property(fc.constantFrom(0, 1), fc.nat(), replacement, fc.constantFrom('replace', 'delete', 'add'), (which, at, value, how) => {
        const doc = clone(docs[which]) as Record<string, unknown>;
        const paths = pathsOf(doc).filter((p) => p.length > 0);
        const path = paths[at % paths.length]!;
        const parent = path.slice(0, -1).reduce<Poked>((o, k) => o[k] as Poked, doc);
        const key = path.at(-1)!;
        if (how === 'replace') parent[key] = value;
        else if (how === 'delete' && !Array.isArray(parent)) delete parent[key];
        else if (!Array.isArray(parent)) parent[`${String(key)}Extra`] = value;
        const byAjv = validate(doc);
        const byUs = checkStudyShape(doc).length === 0;
        expect(byUs).toBe(byAjv);
      }),
      { numRuns: 400 },
    );
  });

  it('leaves to validateStudy what a schema cannot say, and parseStudyFile applies both', () => {
    const doc = clone(DEMO_STUDY);
    doc.steps[2]!.rule = { kind: 'proportion', share: { low: 0.4, point: 0.2, high: 0.3 }, source: 'x' };
    doc.steps[3]!.id = doc.steps[0]!.id;
    expect(validate(doc)).toBe(true);
    expect(checkStudyShape(doc)).toEqual([]);
    const parsed = parseStudyFile(JSON.stringify(doc));
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? [] : parsed.issues.map((i) => i.path)).toEqual(['steps[2].rule.share', 'steps[3].id']);
  });

  it('reads a file with a byte-order mark, and names a JSON syntax error', () => {
    expect(parseStudyFile(`\uFEFF${JSON.stringify(DEMO_STUDY)}`).ok).toBe(true);
    const broken = parseStudyFile('{"schemaVersion": 1,}');
    expect(broken.ok).toBe(false);
    // The closing brace after the comma is character 21 of line 1.
    expect(broken.ok ? '' : broken.issues[0]!.message).toBe('line 1, column 21: not valid JSON: unexpected "}"');
  });

  it('names the line and column of a syntax error in a longer file, as the answer file reader does', () => {
    // Line 3 is `  "title": 'Studie',`: a single quote cannot start a JSON value; it is column 12 of that line.
    const text = '{\n  "schemaVersion": 1,\n  "title": \'Studie\',\n  "id": "x"\n}\n';
    const parsed = parseStudyFile(text);
    expect(parsed).toEqual({ ok: false, issues: [{ path: '', message: 'line 3, column 12: not valid JSON: unexpected "\'"' }] });
  });
});
