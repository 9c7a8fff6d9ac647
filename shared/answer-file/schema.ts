/**
 * The answer file's JSON Schema (draft 2020-12) and the reading of an answer file: JSON → shape (this schema) →
 * meaning (unique regions, low ≤ high, a usable policy). As with the study file, the schema is a TS module and
 * the shape check walks this very schema (shared/json/schema.ts), so the published schema and the check cannot
 * drift apart; the unit tests also validate it with a full validator (Ajv).
 */
import { validateDisclosurePolicy } from '../disclosure/policy';
import { checkAgainstSchema, describeValue, jsonPointer, type JsonSchema, type SchemaIssue } from '../json/schema';
import { parseJsonText } from '../json/text';
import { COUNTY_CODES, HEALTHCARE_REGION_IDS } from '../regions/regions';
import { ANSWER_FILE_FORMAT, ANSWER_FILE_VERSION, type AnswerFile, type AnswerFileIssue, type ParseAnswerFileResult } from './types';

export const ANSWER_FILE_SCHEMA_ID = `https://antal-feasibility.se/schemas/answer-file/v${ANSWER_FILE_VERSION}.json`;

type Schema = JsonSchema;

const text = { type: 'string', minLength: 1 } as const;
const anyText = { type: 'string' } as const;
const sha256 = { type: 'string', pattern: '^[0-9a-f]{64}$', description: '64 lower-case hex digits' } as const;
const county = { enum: [...COUNTY_CODES] } as const;
const whole = { type: 'integer', minimum: 0 } as const;
const triState = { enum: ['yes', 'no', 'unknown'] } as const;

const object = (properties: Record<string, unknown>, required: string[] = Object.keys(properties)): Schema => ({
  type: 'object',
  properties,
  required,
  additionalProperties: false,
});

const answerWithComment = object({ answer: triState, comment: anyText }, ['answer']);

export const ANSWER_FILE_JSON_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: ANSWER_FILE_SCHEMA_ID,
  title: 'Antal answer file',
  description:
    "One study unit's answer to one feasibility request: per-region eligible patients as disclosed under the unit's disclosure policy, the request, the criteria hash, the basis, Early Feedback Form answers, interested clinics, provenance and a SHA-256 content hash over the canonical JSON (sorted keys, no whitespace) of every other member.",
  type: 'object',
  additionalProperties: false,
  required: ['format', 'formatVersion', 'unit', 'request', 'criteria', 'basis', 'policy', 'regions', 'provenance', 'createdAt', 'contentHash'],
  properties: {
    format: { const: ANSWER_FILE_FORMAT },
    formatVersion: { const: ANSWER_FILE_VERSION },
    unit: object({ name: text, node: { enum: [...HEALTHCARE_REGION_IDS] } }, ['name']),
    request: object({ reference: text, title: text }),
    criteria: object({ studyId: text, studyVersion: { type: 'integer', minimum: 1 }, hash: sha256 }),
    basis: object({ unit: { enum: ['persons', 'events'] }, kind: { enum: ['incident', 'prevalent'] }, regionBasis: { enum: ['residence', 'care'] } }),
    policy: { $ref: '#/$defs/policy' },
    regions: { type: 'array', items: { $ref: '#/$defs/region' } },
    eff: object(
      {
        populationPresent: answerWithComment,
        recruitmentComment: anyText,
        limitingFactors: object({ factors: { type: 'array', items: { enum: ['competing-studies', 'exclusion-criteria', 'none', 'other'] } }, comment: anyText }, ['factors']),
        discouragingFactors: answerWithComment,
        standardOfCare: answerWithComment,
        careSetting: anyText,
        further: { type: 'array', items: object({ question: text, answer: anyText }) },
      },
      [],
    ),
    clinics: { type: 'array', items: object({ name: text, region: county, contact: anyText }, ['name', 'region']) },
    provenance: {
      type: 'array',
      items: object({ name: text, publisher: text, periodFrom: text, periodTo: text, sha256, synthetic: { type: 'boolean' } }),
    },
    createdAt: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z$', description: 'an ISO 8601 instant in UTC' },
    auditHead: {
      ...object({ seq: { type: 'integer', minimum: 1 }, hash: sha256 }),
      description: "the unit's audit trail head (entry number and SHA-256) when the file was made, to check a later copy of the trail against",
    },
    contentHash: sha256,
  },
  $defs: {
    number: object({
      text,
      low: whole,
      high: { type: ['integer', 'null'], minimum: 0 },
      suppressed: { enum: ['primary', 'secondary', null] },
    }),
    region: object({
      region: county,
      low: { $ref: '#/$defs/number' },
      point: { $ref: '#/$defs/number' },
      high: { $ref: '#/$defs/number' },
      suppressed: { type: 'boolean' },
    }),
    policy: object({
      id: text,
      name: text,
      version: text,
      threshold: { type: 'integer', minimum: 2, maximum: 1000 },
      small: object({ kind: { enum: ['less-than', 'at-most', 'bands'] }, bands: { type: 'array', items: object({ from: whole, to: whole }) } }, ['kind']),
      rounding: { type: 'integer', minimum: 1, maximum: 1000 },
      zero: { enum: ['zero', 'as-small'] },
      secondary: { enum: ['complementary', 'none'] },
      secondaryText: text,
    }),
  },
} as const;

// ---------------------------------------------------------------------------------------------------------
// Reading an answer file: the shared JSON text reader and schema walk, with this format's paths and wording.

/** An issue of the walk as an answer-file issue: JSON Pointer path, what was found and what was expected. */
function answerFileIssue(issue: SchemaIssue): AnswerFileIssue {
  const path = jsonPointer(issue.path);
  const where = path === '' ? '(the file)' : path;
  const found = describeValue(issue.found);
  if (issue.kind === 'missing') return { path, found, expected: issue.expected, message: `${where}: is missing` };
  if (issue.kind === 'not-allowed') return { path, found, expected: issue.expected, message: `${where}: is not a member of an answer file here (misspelt?)` };
  const expected = issue.member ? `"${issue.member}" ${issue.expected}` : issue.expected;
  return { path, found, expected, message: `${where}: expected ${expected}, found ${found}` };
}

/** Shape issues of a parsed answer file against ANSWER_FILE_JSON_SCHEMA, with JSON Pointer paths. */
export function checkAnswerFileShape(value: unknown): AnswerFileIssue[] {
  return checkAgainstSchema(ANSWER_FILE_JSON_SCHEMA, value).map(answerFileIssue);
}

/** What a schema cannot say: each region once, every interval low ≤ high, a policy that can be used. */
function checkMeaning(file: AnswerFile): AnswerFileIssue[] {
  const issues: AnswerFileIssue[] = [];
  const add = (path: string, found: unknown, expected: string, message: string) => issues.push({ path, found: describeValue(found), expected, message: `${path}: ${message}` });
  const seen = new Set<string>();
  file.regions.forEach((r, i) => {
    if (seen.has(r.region)) add(`/regions/${i}/region`, r.region, 'each region once', `region ${r.region} is listed twice`);
    seen.add(r.region);
    for (const c of ['low', 'point', 'high'] as const) {
      const n = r[c];
      if (n.high !== null && n.high < n.low) add(`/regions/${i}/${c}/high`, n.high, `a number ≥ low (${n.low})`, `high ${n.high} is below low ${n.low}`);
    }
    if (r.high.high !== null && r.low.low > r.high.high) add(`/regions/${i}/high`, r.high.text, `≥ the low end ${r.low.text}`, 'the high end is below the low end');
  });
  for (const problem of validateDisclosurePolicy(file.policy)) add(`/policy/${problem.field}`, file.policy[problem.field], 'a usable disclosure policy', problem.message);
  return issues;
}

/** An answer file's text → the file, or every issue found (JSON syntax with line and column, then shape, then meaning). */
export function parseAnswerFile(source: string): ParseAnswerFileResult {
  const text = parseJsonText(source);
  if (!text.ok) {
    const { line, column, found, message } = text.error;
    return { ok: false, issues: [{ path: '', ...(line === undefined ? {} : { line, column }), found, expected: 'JSON', message }] };
  }
  const shape = checkAnswerFileShape(text.value);
  if (shape.length > 0) return { ok: false, issues: shape };
  const file = text.value as AnswerFile;
  const meaning = checkMeaning(file);
  return meaning.length > 0 ? { ok: false, issues: meaning } : { ok: true, file };
}
