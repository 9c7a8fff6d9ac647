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
 * checkStudyShape walks this very schema (shared/json/schema.ts, the same walk as the answer file's), so the shape
 * check and the published schema cannot drift apart; the unit tests also check the schema with a full validator
 * (Ajv).
 *
 * A file of an older version is migrated before it is checked (study-migration.ts), so version 1 files keep
 * working; the schema describes the current version only.
 */
import { checkAgainstSchema, describeValue, dottedPath, type SchemaIssue } from '../json/schema';
import { parseJsonText } from '../json/text';
import { COUNTY_CODES } from '../regions/regions';
import { STUDY_SCHEMA_VERSION, type Study } from './study';
import { migrateStudy } from './study-migration';
import { validateStudy, type StudyIssue } from './validate';

export const STUDY_SCHEMA_ID = `https://antal-feasibility.se/schemas/study/v${STUDY_SCHEMA_VERSION}.json`;

type Schema = { [keyword: string]: unknown };

const share = { type: 'number', minimum: 0, maximum: 1 } as const;
const nonEmptyString = { type: 'string', minLength: 1 } as const;
const isoDate = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'a date written YYYY-MM-DD' } as const;
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
    projection: object(
      {
        on: { type: 'boolean' },
        window: { oneOf: [object({ periods: { type: 'integer', minimum: 1 } }), object({ from: nonEmptyString })] },
        level: { type: 'number', minimum: 0.5, maximum: 0.99 },
        mode: { enum: ['national', 'per-region'] },
        declaredBreaks: { type: 'array', items: object({ period: nonEmptyString, reason: { type: 'string' } }) },
      },
      ['on'],
    ),
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
      ['id', 'name', 'region', 'activationMonth'],
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
// Reading a study file: the shared JSON text reader and schema walk, with this format's dotted paths and wording.

/** An issue of the walk as a study issue: dotted path and a sentence that follows the field's name. */
function studyIssue(issue: SchemaIssue): StudyIssue {
  const path = dottedPath(issue.path);
  switch (issue.kind) {
    case 'missing':
      return { path, message: 'is missing' };
    case 'not-allowed':
      return { path, message: 'is not a field of a study file (misspelt?)' };
    case 'property-name':
      return { path, message: `is not ${issue.expected}` };
    default:
      return { path, message: `${issue.member ? `"${issue.member}" ` : ''}must be ${issue.expected} (found ${describeValue(issue.found)})` };
  }
}

/** Shape issues of a parsed study file against STUDY_JSON_SCHEMA, with dotted paths as validateStudy uses them. */
export function checkStudyShape(value: unknown): StudyIssue[] {
  return checkAgainstSchema(STUDY_JSON_SCHEMA, value).map(studyIssue);
}

export type StudyFileResult = { ok: true; study: Study } | { ok: false; issues: StudyIssue[] };

/**
 * A study file's text → a Study, or every issue found (JSON syntax with line and column, then shape, then meaning),
 * each with its path. A file of an older version is migrated first.
 */
export function parseStudyFile(text: string): StudyFileResult {
  const parsed = parseJsonText(text);
  if (!parsed.ok) return { ok: false, issues: [{ path: '', message: parsed.error.message }] };
  const value = migrateStudy(parsed.value);
  const shape = checkStudyShape(value);
  if (shape.length > 0) return { ok: false, issues: shape };
  const study = value as Study;
  const meaning = validateStudy(study);
  return meaning.length > 0 ? { ok: false, issues: meaning } : { ok: true, study };
}
