// Both themes keep WCAG AA contrast for every text/background pair the app's CSS uses (read from tokens.css).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const css = readFileSync(path.resolve(__dirname, '../../../renderer/src/ui/tokens.css'), 'utf8');

/** --name: light-dark(#light, #dark) or a plain #hex used in both themes. */
function tokens(theme: 'light' | 'dark'): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of css.matchAll(/--([\w-]+):\s*light-dark\((#[0-9a-f]{6}),\s*(#[0-9a-f]{6})\)/gi)) out.set(m[1]!, theme === 'light' ? m[2]! : m[3]!);
  for (const m of css.matchAll(/--([\w-]+):\s*(#[0-9a-f]{6});/gi)) out.set(m[1]!, m[2]!);
  return out;
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** [foreground, background, minimum ratio]: 4.5 for text, 3 for the focus ring and control borders. */
const PAIRS: ReadonlyArray<readonly [string, string, number]> = [
  ...['bg', 'surface'].flatMap((bg) => [
    ['text', bg, 4.5] as const,
    ['muted', bg, 4.5] as const,
    ['accent', bg, 4.5] as const,
    ['bad', bg, 4.5] as const,
    ['good', bg, 4.5] as const,
    ['warn', bg, 4.5] as const,
    ['focus', bg, 3] as const,
    ['control-border', bg, 3] as const,
  ]),
  ['accent-text', 'accent', 4.5],
  ['good', 'good-bg', 4.5],
  ['warn', 'warn-bg', 4.5],
  ['text', 'warn-bg', 4.5],
  ['text', 'good-bg', 4.5],
  ['bad', 'bad-bg', 4.5],
  ['text', 'bad-bg', 4.5],
  ['demo-text', 'demo-bg', 4.5],
];

describe.each(['light', 'dark'] as const)('the %s theme', (theme) => {
  const t = tokens(theme);

  it('defines every colour token as a light/dark pair', () => {
    for (const name of ['bg', 'surface', 'text', 'muted', 'border', 'accent', 'accent-text', 'focus', 'bar', 'good', 'warn', 'bad', 'demo-bg', 'map-0', 'map-4']) {
      expect(t.get(name), name).toMatch(/^#[0-9a-f]{6}$/i);
    }
  });

  it.each(PAIRS)('%s on %s has at least %s:1', (fg, bg, min) => {
    expect(contrast(t.get(fg)!, t.get(bg)!)).toBeGreaterThanOrEqual(min);
  });

  it('the chart bars and the darkest map class stand out from the surface (3:1)', () => {
    expect(contrast(t.get('bar')!, t.get('surface')!)).toBeGreaterThanOrEqual(3);
    expect(contrast(t.get('map-4')!, t.get('surface')!)).toBeGreaterThanOrEqual(3);
  });
});
