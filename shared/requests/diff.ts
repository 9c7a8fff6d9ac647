/**
 * Two versions side by side: both contents flattened to "path → value" lines and aligned by path, so every
 * field that differs is marked. Array elements that carry an `id` (criteria steps, clinics, sites) are keyed by
 * it, so inserting one step does not mark every later step as changed.
 */

export interface DiffRow {
  path: string;
  left: string | undefined;
  right: string | undefined;
  changed: boolean;
}

function hasId(value: unknown): value is { id: string } {
  return typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string';
}

/** Leaves of a JSON value by path ("study.steps[age].rule.predicate.min" → "75"). */
export function flattenJson(value: unknown, prefix = '', out: Map<string, string> = new Map()): Map<string, string> {
  if (Array.isArray(value)) {
    if (value.length === 0) out.set(prefix, '[]');
    value.forEach((item, index) => flattenJson(item, `${prefix}[${hasId(item) ? item.id : index}]`, out));
  } else if (typeof value === 'object' && value !== null) {
    const keys = Object.keys(value).sort();
    if (keys.length === 0) out.set(prefix, '{}');
    for (const key of keys) {
      const child = (value as Record<string, unknown>)[key];
      if (child !== undefined) flattenJson(child, prefix ? `${prefix}.${key}` : key, out);
    }
  } else {
    out.set(prefix, typeof value === 'string' ? value : JSON.stringify(value));
  }
  return out;
}

/** All paths of both sides in the left side's order, the right side's new paths after them. */
export function diffContents(left: unknown, right: unknown): DiffRow[] {
  const a = flattenJson(left);
  const b = flattenJson(right);
  const paths = [...a.keys(), ...[...b.keys()].filter((p) => !a.has(p))];
  return paths.map((path) => {
    const l = a.get(path);
    const r = b.get(path);
    return { path, left: l, right: r, changed: l !== r };
  });
}
