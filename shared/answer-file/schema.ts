/**
 * The answer file's JSON Schema (draft 2020-12) and the reading of an answer file: JSON → shape (this schema) →
 * meaning (unique regions, low ≤ high, a usable policy). As with the study file (shared/criteria/study-schema.ts)
 * the schema is a TS module and checked here by a walk over the keywords it uses, so the published schema and
 * the check cannot drift apart; the unit tests also validate it with a full validator (Ajv). Ajv itself is not
 * used at run time: it compiles validators with `new Function`, which the app's Content-Security-Policy forbids.
 */
import { validateDisclosurePolicy } from '../disclosure/policy';
import { COUNTY_CODES, HEALTHCARE_REGION_IDS } from '../regions/regions';
import { ANSWER_FILE_FORMAT, ANSWER_FILE_VERSION, type AnswerFile, type AnswerFileIssue, type ParseAnswerFileResult } from './types';

export const ANSWER_FILE_SCHEMA_ID = `https://antal-feasibility.se/schemas/answer-file/v${ANSWER_FILE_VERSION}.json`;

type Schema = { [keyword: string]: unknown };

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

/** A short description of a found value for messages: strings quoted, long values cut. */
export function describeValue(value: unknown): string {
  if (value === undefined) return '(nothing)';
  const raw = typeof value === 'string' ? `"${value}"` : (JSON.stringify(value) ?? String(value));
  return raw.length > 60 ? `${raw.slice(0, 57)}…` : raw;
}

const typeWord = (t: string): string => (t === 'integer' ? 'a whole number' : t === 'null' ? 'null' : `a${/^[aeiou]/.test(t) ? 'n' : ''} ${t}`);

function resolve(schema: Schema): Schema {
  const ref = schema.$ref;
  if (typeof ref !== 'string') return schema;
  const target = (ANSWER_FILE_JSON_SCHEMA.$defs as Record<string, Schema>)[ref.replace('#/$defs/', '')];
  if (!target) throw new Error(`Answer file schema: unknown $ref ${ref}`);
  return target;
}

const pointer = (path: string, key: string | number): string => `${path}/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`;

function walk(schemaIn: Schema, value: unknown, path: string, issues: AnswerFileIssue[]): void {
  const schema = resolve(schemaIn);
  const issue = (expected: string, found: unknown = value): void => {
    const where = path === '' ? '(the file)' : path;
    issues.push({ path, found: describeValue(found), expected, message: `${where}: expected ${expected}, found ${describeValue(found)}` });
  };
  if ('const' in schema && value !== schema.const) return issue(describeValue(schema.const));
  if ('enum' in schema && !(schema.enum as unknown[]).includes(value)) return issue(`one of ${(schema.enum as unknown[]).map(describeValue).join(', ')}`);
  if ('type' in schema) {
    const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
    if (!types.some((t) => typeMatches(value, t))) return issue(types.map(typeWord).join(' or '));
  }
  if (typeof value === 'number' && typeof schema.minimum === 'number' && value < schema.minimum) issue(`a number ≥ ${schema.minimum}`);
  if (typeof value === 'number' && typeof schema.maximum === 'number' && value > schema.maximum) issue(`a number ≤ ${schema.maximum}`);
  if (typeof value === 'string') {
    if (typeof schema.minLength === 'number' && value.length < schema.minLength) issue('a non-empty text');
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value)) issue(typeof schema.description === 'string' ? schema.description : `text matching ${schema.pattern}`);
  }
  if (Array.isArray(value) && schema.items) value.forEach((item, i) => walk(schema.items as Schema, item, pointer(path, i), issues));
  if (typeOf(value) === 'object') {
    const record = value as Record<string, unknown>;
    const properties = (schema.properties ?? {}) as Record<string, Schema>;
    for (const key of (schema.required ?? []) as string[]) {
      if (!(key in record)) issues.push({ path: pointer(path, key), found: '(nothing)', expected: 'a value (required)', message: `${pointer(path, key)}: is missing` });
    }
    for (const [key, item] of Object.entries(record)) {
      if (key in properties) walk(properties[key]!, item, pointer(path, key), issues);
      else if (schema.additionalProperties === false) {
        issues.push({ path: pointer(path, key), found: describeValue(item), expected: `no member "${key}"`, message: `${pointer(path, key)}: is not a member of an answer file here (misspelt?)` });
      }
    }
  }
}

/** Shape issues of a parsed answer file against ANSWER_FILE_JSON_SCHEMA, with JSON Pointer paths. */
export function checkAnswerFileShape(value: unknown): AnswerFileIssue[] {
  const issues: AnswerFileIssue[] = [];
  walk(ANSWER_FILE_JSON_SCHEMA as unknown as Schema, value, '', issues);
  return issues;
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

/** The 1-based line and column of a character offset in a text. */
function lineAndColumn(source: string, offset: number): { line: number; column: number } {
  const before = source.slice(0, Math.max(0, offset));
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/**
 * The offset of the first JSON syntax error in a text (JSON.parse's messages differ between engines and often
 * give no position), found by a small recursive-descent scan of RFC 8259's grammar.
 */
export function jsonErrorOffset(source: string): number {
  let i = 0;
  const ws = () => {
    while (i < source.length && ' \t\n\r'.includes(source[i]!)) i++;
  };
  const fail = (): never => {
    throw i;
  };
  const literal = (word: string) => {
    if (source.startsWith(word, i)) i += word.length;
    else fail();
  };
  const string = () => {
    i++;
    while (i < source.length && source[i] !== '"') {
      if (source.charCodeAt(i) < 0x20) fail();
      if (source[i] === '\\') {
        i++;
        if (source[i] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(source.slice(i + 1, i + 5))) fail();
          i += 4;
        } else if (!'"\\/bfnrt'.includes(source[i] ?? '')) fail();
      }
      i++;
    }
    if (i >= source.length) fail();
    i++;
  };
  const value = (): void => {
    ws();
    const c = source[i];
    if (c === '{') {
      i++;
      ws();
      if (source[i] === '}') return void i++;
      for (;;) {
        ws();
        if (source[i] !== '"') fail();
        string();
        ws();
        if (source[i] !== ':') fail();
        i++;
        value();
        ws();
        if (source[i] === ',') i++;
        else if (source[i] === '}') return void i++;
        else fail();
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (source[i] === ']') return void i++;
      for (;;) {
        value();
        ws();
        if (source[i] === ',') i++;
        else if (source[i] === ']') return void i++;
        else fail();
      }
    }
    if (c === '"') return string();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    const number = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(source.slice(i, i + 400));
    if (!number) fail();
    i += number![0].length;
  };
  try {
    value();
    ws();
    return i < source.length ? i : -1;
  } catch (offset) {
    return typeof offset === 'number' ? offset : i;
  }
}

/** An answer file's text → the file, or every issue found (JSON syntax with line and column, then shape, then meaning). */
export function parseAnswerFile(source: string): ParseAnswerFileResult {
  const clean = source.replace(/^\uFEFF/, '');
  let value: unknown;
  try {
    value = JSON.parse(clean);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const offset = jsonErrorOffset(clean);
    const at = offset >= 0 ? lineAndColumn(clean, offset) : null;
    const found = offset >= 0 && offset < clean.length ? JSON.stringify(clean[offset]) : 'the end of the text';
    const detail = at ? `not valid JSON: unexpected ${found}` : `not valid JSON (${message.replace(/\s+/g, ' ')})`;
    return { ok: false, issues: [{ path: '', ...(at ?? {}), found, expected: 'JSON', message: `${at ? `line ${at.line}, column ${at.column}` : '(the file)'}: ${detail}` }] };
  }
  const shape = checkAnswerFileShape(value);
  if (shape.length > 0) return { ok: false, issues: shape };
  const file = value as AnswerFile;
  const meaning = checkMeaning(file);
  return meaning.length > 0 ? { ok: false, issues: meaning } : { ok: true, file };
}
