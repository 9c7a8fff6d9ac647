/**
 * Canonical JSON: object keys sorted, no whitespace, `undefined` members dropped (as JSON.stringify does).
 * Two equal inputs always give the same text, whatever order their keys were written in, so the text
 * can be hashed into an input or content hash.
 */
import { sha256Hex } from './sha256';

export function stableStringify(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`stableStringify: non-finite number ${value}`);
      return JSON.stringify(value);
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'object': {
      if (ArrayBuffer.isView(value)) throw new TypeError('stableStringify: typed arrays are not JSON; convert them first');
      if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : stableStringify(item))).join(',')}]`;
      const record = value as Record<string, unknown>;
      const members = Object.keys(record)
        .sort()
        .filter((key) => record[key] !== undefined)
        .map((key) => `${JSON.stringify(key)}:${stableStringify(record[key])}`);
      return `{${members.join(',')}}`;
    }
    default:
      throw new TypeError(`stableStringify: cannot encode a ${typeof value}`);
  }
}

/** SHA-256 (hex) of the canonical JSON of `value`. */
export function hashJson(value: unknown): string {
  return sha256Hex(stableStringify(value));
}
