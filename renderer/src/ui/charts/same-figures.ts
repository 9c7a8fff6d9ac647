/**
 * Whether two props objects of a chart draw the same picture: every prop compared by value (arrays, objects and
 * maps of figures element by element), functions by what they return for the figures. An answer arrives as a new
 * object after every edit even where its figures did not change (a site's rate leaves the regions as they were, a
 * criterion edit leaves the forecast's sensitivity bars unchanged more often than not): a chart compared by
 * identity would be drawn again, an SVG of hundreds of elements, for nothing.
 */
import equal from 'fast-deep-equal/es6';

/** `memo`'s comparison for props that are data only (no callbacks): equal by value. */
export function sameFigures<P extends object>(a: Readonly<P>, b: Readonly<P>): boolean {
  return equal(a, b);
}

/**
 * The same, with the named function props compared by their results on `inputs` (what the chart calls them with):
 * a callback made anew by every render of the parent draws the same picture if it writes the same texts. Props in
 * `skip` are left to the caller's own comparison.
 */
export function sameFiguresWith<P extends object>(
  a: Readonly<P>,
  b: Readonly<P>,
  functions: { [K in keyof P]?: (props: Readonly<P>) => readonly unknown[] },
  skip: readonly (keyof P)[] = [],
): boolean {
  const keys = Object.keys(functions) as (keyof P)[];
  const left = new Set<PropertyKey>([...keys, ...skip]);
  const data = (p: Readonly<P>) => Object.fromEntries(Object.entries(p).filter(([k]) => !left.has(k)));
  if (!equal(data(a), data(b))) return false;
  for (const key of keys) {
    const fa = a[key] as unknown;
    const fb = b[key] as unknown;
    if (fa === fb) continue;
    if (typeof fa !== 'function' || typeof fb !== 'function') return false;
    const inputs = functions[key]!(a);
    if (!inputs.every((input) => equal((fa as (x: unknown) => unknown)(input), (fb as (x: unknown) => unknown)(input)))) return false;
  }
  return true;
}
