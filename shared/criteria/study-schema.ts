/**
 * The study file's JSON Schema (draft 2020-12), versioned with STUDY_SCHEMA_VERSION, and the reading of a study
 * file: JSON → shape (this schema) → meaning (validateStudy).
 *
 * Two authorities, each for what it can say: the schema for the shape (which fields, their types, the allowed
 * words, numbers within their domain), so that other tools can check a study file too; validateStudy for what a
 * schema cannot express (low ≤ point ≤ high, unique step ids, ICD-10 codes that exist, periods that parse). A
 * study file is accepted only when both find nothing. The schema is a TS module rather than a .json file so the
 * compiler and linter see it and the app needs no JSON import; `antal` and tests can print or export it.
 *
 * checkStudyShape walks the schema itself (the subset of keywords used here), so the shape check and the
 * published schema cannot drift apart; the unit tests also check the schema with a full validator (Ajv).
 *
 * A file of an older version is migrated before it is checked (study-migration.ts), so version 1 files keep
 * working; the schema describes the current version only.
 */
import { COUNTY_CODES } from '../regions/regions';
import { STUDY_SCHEMA_VERSION, type Study } from './study';
import { migrateStudy } from './study-migration';
import { validateStudy, type StudyIssue } from './validate';

export const STUDY_SCHEMA_ID = `https://antal-feasibility.se/schemas/study/v${STUDY_SCHEMA_VERSION}.json`;

type Schema = { [keyword: string]: unknown };

const share = { type: 'number', minimum: 0, maximum: 1 } as const;
const nonEmptyString = { type: 'string', minLength: 1 } as const;
const isoDate = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;
const county = { enum: [...COUNTY_CODES] } as const;

const object = (properties: Record<string, unknown>, required: string[] = Object.keys(properties)): Schema => ({
  type: 'object',
  properties,
  required,
  additionalProperties: false,
});

const predicate = (kind: string, properties: Record<string, unknown>): Schema => object({ kind: { const: kind }, ...properties });

export const STUDY_JSON_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: STUDY_SCHEMA_ID,
  title: 'Antal study file',
  description:
    'A clinical-trial feasibility study: base population, ordered inclusion and exclusion steps, recruitment plan and verdict thresholds. ' +
    'Constraints a schema cannot express (low ≤ point ≤ high, unique ids, valid ICD-10 codes and periods) are checked by the application.',
  ...object({
    schemaVersion: { const: STUDY_SCHEMA_VERSION },
    id: nonEmptyString,
    version: { type: 'integer', minimum: 1 },
    title: { type: 'string' },
    sponsorReference: { type: 'string' },
    population: object({
      kind: { enum: ['incident', 'prevalent'] },
      windowYears: { type: 'number', exclusiveMinimum: 0 },
      unit: { enum: ['persons', 'events'] },
      regionBasis: { enum: ['residence', 'care'] },
      period: { $ref: '#/$defs/period' },
    }),
    ageShare: object({
      source: {
        oneOf: [object({ kind: { const: 'uniform' } }), object({ kind: { const: 'table' }, datasetId: nonEmptyString })],
      },
      range: { $ref: '#/$defs/count' },
      note: { type: 'string' },
    }),
    ageReferenceDate: isoDate,
    steps: { type: 'array', items: { $ref: '#/$defs/step' } },
    recruitment: { $ref: '#/$defs/recruitment' },
    verdictThresholds: object({ veryGood: share, good: share }),
    earlyFeedback: object(
      {
        populationPresent: { enum: ['yes', 'no', 'unknown'] },
        limitingFactor: { enum: ['competing-studies', 'exclusion-criteria', 'no-factors', 'other'] },
        competingStudies: { type: 'boolean' },
        comment: { type: 'string' },
      },
      [],
    ),
  }, ['schemaVersion', 'id', 'version', 'title', 'sponsorReference', 'population', 'ageShare', 'ageReferenceDate', 'steps', 'recruitment', 'verdictThresholds']),
  $defs: {
    span: object({ from: nonEmptyString, to: nonEmptyString }),
    period: {
      oneOf: [
        object({ kind: { const: 'latest' } }),
        object({ kind: { const: 'all' }, exclude: { type: 'array', items: { $ref: '#/$defs/span' } } }, ['kind']),
        object({ kind: { const: 'range' }, from: nonEmptyString, to: nonEmptyString, exclude: { type: 'array', items: { $ref: '#/$defs/span' } } }, ['kind', 'from', 'to']),
      ],
    },
    share: object({ point: share, low: share, high: share }),
    count: object({ point: { type: 'number', minimum: 0 }, low: { type: 'number', minimum: 0 }, high: { type: 'number', minimum: 0 } }),
    step: object({
      id: nonEmptyString,
      type: { enum: ['inclusion', 'exclusion'] },
      enabled: { type: 'boolean' },
      protocolText: { type: 'string' },
      label: { type: 'string' },
      rule: {
        oneOf: [
          object({ kind: { const: 'predicate' }, predicate: { $ref: '#/$defs/predicate' } }),
          object(
            {
              kind: { const: 'proportion' },
              share: { $ref: '#/$defs/share' },
              source: { type: 'string' },
              perRegion: { type: 'object', propertyNames: county, additionalProperties: { $ref: '#/$defs/share' } },
            },
            ['kind', 'share', 'source'],
          ),
          object({ kind: { const: 'joint-count' }, region: county, count: { $ref: '#/$defs/count' }, source: { type: 'string' } }),
        ],
      },
    }),
    predicate: {
      oneOf: [
        predicate('codes', { codes: { type: 'array', items: nonEmptyString, minItems: 1 } }),
        predicate('age', { min: { type: ['integer', 'null'], minimum: 0 }, max: { type: ['integer', 'null'], minimum: 0 } }),
        predicate('sex', { sex: { enum: ['male', 'female'] } }),
        predicate('region', { regions: { type: 'array', items: county, minItems: 1 } }),
        predicate('extra', { key: nonEmptyString, values: { type: 'array', items: { type: 'string' }, minItems: 1 } }),
        predicate('hierarchy', { key: nonEmptyString, scheme: { enum: ['atc', 'icd10'] }, codes: { type: 'array', items: nonEmptyString, minItems: 1 } }),
        predicate('and', { all: { type: 'array', items: { $ref: '#/$defs/predicate' }, minItems: 1 } }),
        predicate('or', { any: { type: 'array', items: { $ref: '#/$defs/predicate' }, minItems: 1 } }),
        predicate('not', { predicate: { $ref: '#/$defs/predicate' } }),
      ],
    },
    site: object(
      {
        id: nonEmptyString,
        name: { type: 'string' },
        region: county,
        activationMonth: { type: 'number', minimum: 0 },
        shareOfRegion: share,
        ratePerMonth: { type: 'number', minimum: 0 },
        rateCertainty: { enum: ['low', 'medium', 'high'] },
      },
      ['id', 'name', 'region', 'activationMonth', 'shareOfRegion'],
    ),
    recruitment: object(
      {
        targetPatients: { type: 'integer', minimum: 1 },
        startDate: isoDate,
        months: { type: 'number', exclusiveMinimum: 0 },
        consentRate: { $ref: '#/$defs/share' },
        screenFailureRate: { $ref: '#/$defs/share' },
        sites: { type: 'array', items: { $ref: '#/$defs/site' } },
        rateShape: { type: 'number', exclusiveMinimum: 0 },
        seasonalWeights: { type: 'array', items: { type: 'number', minimum: 0 }, minItems: 12, maxItems: 12 },
        dropoutRate: { $ref: '#/$defs/share' },
        sitesGoalProbability: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1 },
      },
      ['targetPatients', 'startDate', 'months', 'consentRate', 'screenFailureRate', 'sites', 'rateShape'],
    ),
  },
} as const;

// ---------------------------------------------------------------------------------------------------------
// The shape check: a walk over the keywords the schema above uses.

const typeOf = (value: unknown): string => {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
};

const typeMatches = (value: unknown, type: string): boolean => {
  const actual = typeOf(value);
  return actual === type || (type === 'number' && actual === 'integer');
};

const describe = (value: unknown): string => (typeof value === 'string' ? `"${value}"` : JSON.stringify(value) ?? String(value));

function resolve(schema: Schema): Schema {
  const ref = schema.$ref;
  if (typeof ref !== 'string') return schema;
  const name = ref.replace('#/$defs/', '');
  const target = (STUDY_JSON_SCHEMA.$defs as Record<string, Schema>)[name];
  if (!target) throw new Error(`Study schema: unknown $ref ${ref}`);
  return target;
}

function walk(schemaIn: Schema, value: unknown, path: string, issues: StudyIssue[]): void {
  const schema = resolve(schemaIn);
  const at = path === '' ? '(the study)' : path;
  const issue = (message: string): void => void issues.push({ path: path === '' ? '' : path, message });

  if ('oneOf' in schema) {
    const branches = (schema.oneOf as Schema[]).map(resolve);
    const results = branches.map((branch) => {
      const found: StudyIssue[] = [];
      walk(branch, value, path, found);
      return found;
    });
    if (results.filter((r) => r.length === 0).length === 1) return;
    // Tagged unions: report against the branch whose "kind" matches, which is what the author meant.
    const kind = typeof value === 'object' && value !== null ? (value as { kind?: unknown }).kind : undefined;
    const tagged = branches.findIndex((b) => ((b.properties as Record<string, Schema> | undefined)?.kind?.const ?? null) === kind);
    if (tagged >= 0) {
      issues.push(...results[tagged]!);
      return;
    }
    const kinds = branches.map((b) => (b.properties as Record<string, Schema> | undefined)?.kind?.const).filter((k) => k !== undefined);
    issue(kinds.length > 0 ? `"kind" must be one of ${kinds.map(describe).join(', ')} (found ${describe(kind)})` : `${at} matches none of the allowed forms`);
    return;
  }
  if ('const' in schema && value !== schema.const) {
    issue(`must be ${describe(schema.const)} (found ${describe(value)})`);
    return;
  }
  if ('enum' in schema && !(schema.enum as unknown[]).includes(value)) {
    issue(`must be one of ${(schema.enum as unknown[]).map(describe).join(', ')} (found ${describe(value)})`);
    return;
  }
  if ('type' in schema) {
    const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
    if (!types.some((t) => typeMatches(value, t))) {
      issue(`must be ${types.map((t) => (t === 'integer' ? 'a whole number' : t === 'null' ? 'null' : `a${/^[aeiou]/.test(t) ? 'n' : ''} ${t}`)).join(' or ')} (found ${typeOf(value) === 'integer' ? 'number' : typeOf(value)})`);
      return;
    }
  }
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) issue(`must be ≥ ${schema.minimum}`);
    if (typeof schema.maximum === 'number' && value > schema.maximum) issue(`must be ≤ ${schema.maximum}`);
    if (typeof schema.exclusiveMinimum === 'number' && value <= schema.exclusiveMinimum) issue(`must be > ${schema.exclusiveMinimum}`);
    if (typeof schema.exclusiveMaximum === 'number' && value >= schema.exclusiveMaximum) issue(`must be < ${schema.exclusiveMaximum}`);
  }
  if (typeof value === 'string') {
    if (typeof schema.minLength === 'number' && value.length < schema.minLength) issue('must not be empty');
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value)) issue(`must look like YYYY-MM-DD (found ${describe(value)})`);
  }
  if (Array.isArray(value)) {
    if (typeof schema.minItems === 'number' && value.length < schema.minItems) issue(`must list at least ${schema.minItems} item${schema.minItems === 1 ? '' : 's'}`);
    if (typeof schema.maxItems === 'number' && value.length > schema.maxItems) issue(`must list at most ${schema.maxItems} items`);
    if (schema.items) value.forEach((item, i) => walk(schema.items as Schema, item, `${path}[${i}]`, issues));
  }
  if (typeOf(value) === 'object') {
    const record = value as Record<string, unknown>;
    const properties = (schema.properties ?? {}) as Record<string, Schema>;
    const child = (key: string): string => (path === '' ? key : `${path}.${key}`);
    for (const key of (schema.required ?? []) as string[]) if (!(key in record)) issues.push({ path: child(key), message: 'is missing' });
    for (const [key, item] of Object.entries(record)) {
      if (schema.propertyNames) {
        const names = resolve(schema.propertyNames as Schema);
        if (Array.isArray(names.enum) && !names.enum.includes(key)) issues.push({ path: child(key), message: `is not one of ${(names.enum as unknown[]).map(describe).join(', ')}` });
      }
      if (key in properties) walk(properties[key]!, item, child(key), issues);
      else if (schema.additionalProperties === false) issues.push({ path: child(key), message: 'is not a field of a study file (misspelt?)' });
      else if (typeof schema.additionalProperties === 'object') walk(schema.additionalProperties as Schema, item, child(key), issues);
    }
  }
}

/** Shape issues of a parsed study file against STUDY_JSON_SCHEMA, with dotted paths as validateStudy uses them. */
export function checkStudyShape(value: unknown): StudyIssue[] {
  const issues: StudyIssue[] = [];
  walk(STUDY_JSON_SCHEMA as unknown as Schema, value, '', issues);
  return issues;
}

export type StudyFileResult = { ok: true; study: Study } | { ok: false; issues: StudyIssue[] };

/**
 * A study file's text → a Study, or every issue found (JSON syntax, then shape, then meaning), each with its path.
 * A file of an older version is migrated first.
 */
export function parseStudyFile(text: string): StudyFileResult {
  let value: unknown;
  try {
    // A byte-order mark is legal at the start of a UTF-8 file but not in JSON.
    value = migrateStudy(JSON.parse(text.replace(/^\uFEFF/, '')));
  } catch (error) {
    return { ok: false, issues: [{ path: '', message: `not valid JSON: ${error instanceof Error ? error.message : String(error)}` }] };
  }
  const shape = checkStudyShape(value);
  if (shape.length > 0) return { ok: false, issues: shape };
  const study = value as Study;
  const meaning = validateStudy(study);
  return meaning.length > 0 ? { ok: false, issues: meaning } : { ok: true, study };
}
