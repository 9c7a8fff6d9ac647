/**
 * The one schema walk behind the study file and the answer file: it understands every keyword the published
 * schemas use (and says when a schema uses one it does not), and it accepts exactly what Ajv — a full draft
 * 2020-12 validator — accepts, on a schema using every supported keyword and on randomly broken answer files.
 */
import Ajv2020 from 'ajv/dist/2020';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ANSWER_FILE_JSON_SCHEMA } from '../../../shared/answer-file';
import { STUDY_JSON_SCHEMA } from '../../../shared/criteria/study-schema';
import { checkAgainstSchema, dottedPath, jsonPointer, unsupportedKeywords, type JsonSchema } from '../../../shared/json/schema';
import { parseJsonText } from '../../../shared/json/text';
import { SODER } from '../answer-file/fixtures';

const ajv = new Ajv2020({ allErrors: true, strict: true });

/** A small schema that uses every keyword the walk supports. */
const EVERY_KEYWORD: JsonSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://antal-feasibility.se/schemas/test/every-keyword.json',
  title: 'every keyword',
  description: 'test schema',
  type: 'object',
  additionalProperties: false,
  required: ['id', 'shape', 'tags'],
  properties: {
    id: { type: 'string', minLength: 1, pattern: '^[a-z]+$', description: 'lower-case letters' },
    shape: { $ref: '#/$defs/shape' },
    tags: { type: 'array', items: { enum: ['a', 'b', null] }, minItems: 1, maxItems: 3 },
    share: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1 },
    count: { type: ['integer', 'null'], minimum: 0, maximum: 10 },
    version: { const: 2 },
    byCounty: { type: 'object', propertyNames: { enum: ['01', '03'] }, additionalProperties: { type: 'boolean' } },
  },
  $defs: {
    shape: {
      oneOf: [
        { type: 'object', additionalProperties: false, required: ['kind', 'r'], properties: { kind: { const: 'circle' }, r: { type: 'number', minimum: 0 } } },
        { type: 'object', additionalProperties: false, required: ['kind', 'w', 'h'], properties: { kind: { const: 'box' }, w: { type: 'integer' }, h: { type: 'integer' } } },
      ],
    },
  },
};

const GOOD = { id: 'abc', shape: { kind: 'circle', r: 2 }, tags: ['a'], share: 0.5, count: null, version: 2, byCounty: { '01': true } };

/** Every path to a value inside a document (the root excluded). */
const pathsOf = (value: unknown, prefix: (string | number)[] = []): (string | number)[][] =>
  value !== null && typeof value === 'object'
    ? [...(prefix.length > 0 ? [prefix] : []), ...Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...prefix, Array.isArray(value) ? Number(k) : k]))]
    : [prefix];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Poked = Record<string | number, any>;

/** A copy of `doc` with the value at one path replaced, deleted, or a sibling member added. */
function broken(doc: unknown, at: number, value: unknown, how: 'replace' | 'delete' | 'add'): unknown {
  const copy = JSON.parse(JSON.stringify(doc)) as Poked;
  const paths = pathsOf(copy);
  const path = paths[at % paths.length]!;
  const parent = path.slice(0, -1).reduce<Poked>((o, k) => o[k] as Poked, copy);
  const key = path.at(-1)!;
  if (how === 'replace') parent[key] = value;
  else if (how === 'delete' && !Array.isArray(parent)) delete parent[key];
  else if (!Array.isArray(parent)) parent[`${String(key)}X`] = value;
  return copy;
}

const replacement = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer({ min: -3, max: 12 }),
  fc.double({ min: -2, max: 2, noNaN: true }),
  fc.constantFrom('', 'x', 'ABC', '01', '02', 'a', 'b', 'circle', 'box', 'primary', '<5', 'ohdsi'),
  fc.constant([]),
  fc.constant({}),
  fc.constant({ kind: 'box', w: 1, h: 2 }),
);

describe('the schema walk', () => {
  it('understands every keyword of the study and answer-file schemas', () => {
    expect(unsupportedKeywords(STUDY_JSON_SCHEMA)).toEqual([]);
    expect(unsupportedKeywords(ANSWER_FILE_JSON_SCHEMA)).toEqual([]);
    expect(unsupportedKeywords(EVERY_KEYWORD)).toEqual([]);
  });

  it('names a keyword it would not check, wherever it is (a schema would otherwise promise more than is checked)', () => {
    const schema = { type: 'object', properties: { date: { type: 'string', format: 'date' }, list: { type: 'array', items: { uniqueItems: true } } }, $defs: { x: { anyOf: [] } } };
    expect(unsupportedKeywords(schema)).toEqual(['/properties/date/format', '/properties/list/items/uniqueItems', '/$defs/x/anyOf']);
    // Data under const and enum is not a schema: a member called "format" there is not a keyword.
    expect(unsupportedKeywords({ const: { format: 1 }, enum: [{ anyOf: 2 }] })).toEqual([]);
  });

  it('accepts a document exactly when Ajv does, on a schema using every supported keyword', () => {
    const validate = ajv.compile(EVERY_KEYWORD);
    expect(validate(GOOD)).toBe(true);
    expect(checkAgainstSchema(EVERY_KEYWORD, GOOD)).toEqual([]);
    fc.assert(
      fc.property(fc.nat(), replacement, fc.constantFrom('replace', 'delete', 'add'), (at, value, how) => {
        const doc = broken(GOOD, at, value, how as 'replace' | 'delete' | 'add');
        expect(checkAgainstSchema(EVERY_KEYWORD, doc).length === 0).toBe(validate(doc));
      }),
      { numRuns: 600, seed: 20260301 },
    );
  });

  it('accepts an answer file exactly when Ajv does, over random breakages of a real one', async () => {
    const validate = ajv.compile(ANSWER_FILE_JSON_SCHEMA);
    const file = JSON.parse(JSON.stringify(await SODER())) as unknown;
    expect(validate(file)).toBe(true);
    fc.assert(
      fc.property(fc.nat(), replacement, fc.constantFrom('replace', 'delete', 'add'), (at, value, how) => {
        const doc = broken(file, at, value, how as 'replace' | 'delete' | 'add');
        expect(checkAgainstSchema(ANSWER_FILE_JSON_SCHEMA, doc).length === 0).toBe(validate(doc));
      }),
      { numRuns: 400, seed: 20260302 },
    );
  });

  it('says what was expected and found, with the place as a path', () => {
    const issues = checkAgainstSchema(EVERY_KEYWORD, { id: 'A1', shape: { kind: 'star' }, tags: [], share: 1, byCounty: { '02': 'yes' }, extra: 1 });
    const by = (pointer: string) => issues.filter((i) => jsonPointer(i.path) === pointer).map((i) => [i.kind, i.expected, i.found]);
    expect(by('/id')).toEqual([['pattern', 'lower-case letters', 'A1']]);
    expect(by('/shape')).toEqual([['no-form', 'one of "circle", "box"', 'star']]);
    expect(by('/tags')).toEqual([['items', 'a list of at least 1 item', []]]);
    expect(by('/share')).toEqual([['range', 'a number < 1', 1]]);
    expect(by('/byCounty/02')).toEqual([['property-name', 'one of "01", "03"', '02'], ['type', 'true or false', 'yes']]);
    expect(by('/extra')).toEqual([['not-allowed', 'no member "extra"', 1]]);
    // A tagged union whose tag matches reports that form's own problems, not "no form".
    const box = checkAgainstSchema(EVERY_KEYWORD, { ...GOOD, shape: { kind: 'box', w: 1.5 } });
    expect(box.map((i) => [dottedPath(i.path), i.kind])).toEqual([['shape.h', 'missing'], ['shape.w', 'type']]);
  });

  it('writes paths as JSON Pointers (escaping ~ and /) and in the dotted form', () => {
    expect(jsonPointer([])).toBe('');
    expect(jsonPointer(['regions', 2, 'a/b~c'])).toBe('/regions/2/a~1b~0c');
    expect(dottedPath(['steps', 2, 'rule', 'share'])).toBe('steps[2].rule.share');
    expect(dottedPath([0, 'x'])).toBe('[0].x');
  });
});

describe('reading JSON text', () => {
  it('drops a byte-order mark and names the line and column of the first character that cannot be JSON', () => {
    expect(parseJsonText('\uFEFF{"a": 1}')).toEqual({ ok: true, value: { a: 1 } });
    // Line 2 is `  "b": tru,`: the word starting at column 8 is not `true`.
    expect(parseJsonText('{\n  "b": tru,\n}')).toEqual({ ok: false, error: { line: 2, column: 8, found: '"t"', message: 'line 2, column 8: not valid JSON: unexpected "t"' } });
    expect(parseJsonText('[1, 2')).toMatchObject({ ok: false, error: { line: 1, column: 6, message: 'line 1, column 6: not valid JSON: the text ends before the JSON does' } });
  });
});
