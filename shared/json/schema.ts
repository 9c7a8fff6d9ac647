/**
 * The one shape check for the JSON files Antal reads (study files, answer files): a walk over a document with its
 * JSON Schema (draft 2020-12). Each file format keeps its schema as a TS module beside its types, publishes it,
 * and turns these issues into its own messages; this walk is shared, so what one format checks the other checks
 * the same way.
 *
 * Only the keywords in SUPPORTED_KEYWORDS are understood. A schema using any other keyword would be checked less
 * strictly than it says, so `unsupportedKeywords` lists them and the tests keep every published schema inside
 * the subset. A full validator (Ajv) is not used at run time: it compiles validators with `new Function`, which
 * the app's Content-Security-Policy forbids; the tests compare this walk with Ajv instead.
 */

export type JsonSchema = { readonly [keyword: string]: unknown };

/** Where a value sits in a document: member names and array indexes from the root. */
export type JsonPath = readonly (string | number)[];

export type SchemaIssueKind =
  | 'missing'
  | 'not-allowed'
  | 'property-name'
  | 'no-form'
  | 'const'
  | 'enum'
  | 'type'
  | 'range'
  | 'min-length'
  | 'pattern'
  | 'items';

export interface SchemaIssue {
  path: JsonPath;
  kind: SchemaIssueKind;
  /** What the schema asks for, in words that follow "expected" or "must be": "a number ≥ 0", "one of "a", "b"". */
  expected: string;
  /** The value found (undefined when it is missing). */
  found: unknown;
  /** For a tagged union whose tag matches no form: the tag's member name ("kind"). */
  member?: string;
}

/** Annotations and keywords this walk checks; anything else in a schema is an error of the schema. */
export const SUPPORTED_KEYWORDS: ReadonlySet<string> = new Set([
  '$schema', '$id', '$defs', '$ref', 'title', 'description',
  'type', 'const', 'enum', 'oneOf',
  'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum',
  'minLength', 'pattern',
  'items', 'minItems', 'maxItems',
  'properties', 'required', 'additionalProperties', 'propertyNames',
]);

/** Keywords a schema uses that this walk does not check, with where they are (a JSON Pointer into the schema). */
export function unsupportedKeywords(schema: JsonSchema): string[] {
  const found: string[] = [];
  const visit = (node: unknown, at: string, isSchema: boolean): void => {
    if (node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      node.forEach((item, i) => visit(item, `${at}/${i}`, isSchema));
      return;
    }
    for (const [key, value] of Object.entries(node)) {
      if (!isSchema) {
        visit(value, `${at}/${key}`, true);
        continue;
      }
      if (!SUPPORTED_KEYWORDS.has(key)) found.push(`${at}/${key}`);
      // Values that are schemas, or maps or lists of schemas; const and enum hold data, not schemas.
      if (key === 'properties' || key === '$defs') visit(value, `${at}/${key}`, false);
      else if (key === 'items' || key === 'additionalProperties' || key === 'propertyNames' || key === 'oneOf') visit(value, `${at}/${key}`, true);
    }
  };
  visit(schema, '', true);
  return found;
}

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

const TYPE_WORDS: Record<string, string> = { integer: 'a whole number', null: 'null', array: 'a list', object: 'an object', string: 'a text', number: 'a number', boolean: 'true or false' };

/** A short description of a value for messages: strings quoted, long values cut. */
export function describeValue(value: unknown): string {
  if (value === undefined) return '(nothing)';
  const raw = typeof value === 'string' ? `"${value}"` : (JSON.stringify(value) ?? String(value));
  return raw.length > 60 ? `${raw.slice(0, 57)}…` : raw;
}

/** "/regions/2/point/low": a JSON Pointer (RFC 6901), "" for the whole document. */
export function jsonPointer(path: JsonPath): string {
  return path.map((key) => `/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/** "steps[2].rule.share": the dotted form people write, "" for the whole document. */
export function dottedPath(path: JsonPath): string {
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? key : `.${key}`)).join('');
}

function resolver(root: JsonSchema): (schema: JsonSchema) => JsonSchema {
  const defs = (root.$defs ?? {}) as Record<string, JsonSchema>;
  return (schema) => {
    const ref = schema.$ref;
    if (typeof ref !== 'string') return schema;
    const target = ref.startsWith('#/$defs/') ? defs[ref.slice('#/$defs/'.length)] : undefined;
    if (!target) throw new Error(`schema ${String(root.$id ?? '')}: unknown $ref ${ref}`);
    return target;
  };
}

/** The tag a branch of a tagged union requires ({ properties: { kind: { const: … } } }), if it has one. */
const tagOf = (branch: JsonSchema, member: string): unknown => ((branch.properties as Record<string, JsonSchema> | undefined)?.[member] ?? {}).const;

/** Every way `value` breaks `root` (empty: it conforms), in document order. */
export function checkAgainstSchema(root: JsonSchema, value: unknown): SchemaIssue[] {
  const resolve = resolver(root);
  const issues: SchemaIssue[] = [];
  const walk = (schemaIn: JsonSchema, value: unknown, path: JsonPath, out: SchemaIssue[]): void => {
    const schema = resolve(schemaIn);
    const issue = (kind: SchemaIssueKind, expected: string): void => void out.push({ path, kind, expected, found: value });

    if (Array.isArray(schema.oneOf)) {
      const branches = (schema.oneOf as JsonSchema[]).map(resolve);
      const results = branches.map((branch) => {
        const found: SchemaIssue[] = [];
        walk(branch, value, path, found);
        return found;
      });
      if (results.filter((r) => r.length === 0).length === 1) return;
      // A tagged union: report against the branch whose tag matches, which is what the author meant.
      const member = 'kind';
      const tag = typeOf(value) === 'object' ? (value as Record<string, unknown>)[member] : undefined;
      const tagged = branches.findIndex((b) => tagOf(b, member) !== undefined && tagOf(b, member) === tag);
      if (tagged >= 0 && results[tagged]!.length > 0) {
        out.push(...results[tagged]!);
        return;
      }
      const tags = branches.map((b) => tagOf(b, member)).filter((t) => t !== undefined);
      if (tags.length > 0 && tagged < 0) out.push({ path, kind: 'no-form', expected: `one of ${tags.map(describeValue).join(', ')}`, found: tag, member });
      else issue('no-form', 'exactly one of the allowed forms');
      return;
    }
    if ('const' in schema && value !== schema.const) return issue('const', describeValue(schema.const));
    if (Array.isArray(schema.enum) && !schema.enum.includes(value)) return issue('enum', `one of ${schema.enum.map(describeValue).join(', ')}`);
    if ('type' in schema) {
      const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
      if (!types.some((t) => typeMatches(value, t))) return issue('type', types.map((t) => TYPE_WORDS[t] ?? t).join(' or '));
    }
    if (typeof value === 'number') {
      if (typeof schema.minimum === 'number' && value < schema.minimum) issue('range', `a number ≥ ${schema.minimum}`);
      if (typeof schema.maximum === 'number' && value > schema.maximum) issue('range', `a number ≤ ${schema.maximum}`);
      if (typeof schema.exclusiveMinimum === 'number' && value <= schema.exclusiveMinimum) issue('range', `a number > ${schema.exclusiveMinimum}`);
      if (typeof schema.exclusiveMaximum === 'number' && value >= schema.exclusiveMaximum) issue('range', `a number < ${schema.exclusiveMaximum}`);
    }
    if (typeof value === 'string') {
      if (typeof schema.minLength === 'number' && [...value].length < schema.minLength) issue('min-length', schema.minLength === 1 ? 'a non-empty text' : `a text of at least ${schema.minLength} characters`);
      if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value)) issue('pattern', typeof schema.description === 'string' ? schema.description : `a text matching ${schema.pattern}`);
    }
    if (Array.isArray(value)) {
      if (typeof schema.minItems === 'number' && value.length < schema.minItems) issue('items', `a list of at least ${schema.minItems} item${schema.minItems === 1 ? '' : 's'}`);
      if (typeof schema.maxItems === 'number' && value.length > schema.maxItems) issue('items', `a list of at most ${schema.maxItems} items`);
      if (schema.items) value.forEach((item, i) => walk(schema.items as JsonSchema, item, [...path, i], out));
    }
    if (typeOf(value) === 'object') {
      const record = value as Record<string, unknown>;
      const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
      for (const key of (schema.required ?? []) as string[]) if (!(key in record)) out.push({ path: [...path, key], kind: 'missing', expected: 'a value (required)', found: undefined });
      const names = schema.propertyNames ? resolve(schema.propertyNames as JsonSchema) : null;
      for (const [key, item] of Object.entries(record)) {
        if (names && Array.isArray(names.enum) && !names.enum.includes(key)) out.push({ path: [...path, key], kind: 'property-name', expected: `one of ${names.enum.map(describeValue).join(', ')}`, found: key });
        if (key in properties) walk(properties[key]!, item, [...path, key], out);
        else if (schema.additionalProperties === false) out.push({ path: [...path, key], kind: 'not-allowed', expected: `no member "${key}"`, found: item });
        else if (typeof schema.additionalProperties === 'object' && schema.additionalProperties !== null) walk(schema.additionalProperties as JsonSchema, item, [...path, key], out);
      }
    }
  };
  walk(root, value, [], issues);
  return issues;
}
