/**
 * Canonical JSON: object keys sorted, no whitespace, `undefined` members dropped (as JSON.stringify does).
 * Two equal inputs always give the same text, whatever order their keys were written in, so the text
 * can be hashed into an input or content hash.
 */
import { sha256Hex } from './sha256';

export function stableStringify(value: unknown): string {
  // Built by appending to one string (V8 joins the pieces once, when the text is read) instead of an array
  // per object and array: an estimate hashes its whole study every time, and this was most of what it allocated.
  return appendValue('', value);
}

function appendValue(out: string, value: unknown): string {
  if (value === null) return `${out}null`;
  switch (typeof value) {
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`stableStringify: non-finite number ${value}`);
      return out + JSON.stringify(value);
    case 'string':
    case 'boolean':
      return out + JSON.stringify(value);
    case 'object': {
      if (ArrayBuffer.isView(value)) throw new TypeError('stableStringify: typed arrays are not JSON; convert them first');
      if (Array.isArray(value)) {
        out += '[';
        for (let i = 0; i < value.length; i++) {
          if (i > 0) out += ',';
          const item: unknown = value[i];
          out = item === undefined ? `${out}null` : appendValue(out, item);
        }
        return `${out}]`;
      }
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record).sort();
      out += '{';
      let first = true;
      for (const key of keys) {
        const member = record[key];
        if (member === undefined) continue;
        out += first ? JSON.stringify(key) : `,${JSON.stringify(key)}`;
        first = false;
        out = appendValue(`${out}:`, member);
      }
      return `${out}}`;
    }
    default:
      throw new TypeError(`stableStringify: cannot encode a ${typeof value}`);
  }
}

/** SHA-256 (hex) of the canonical JSON of `value`. */
export function hashJson(value: unknown): string {
  return sha256Hex(stableStringify(value));
}
