// The first screen's static imports leave React Aria out: its module-level set-up (asking Intl for the supported
// locales) would otherwise run before the first answer, and its code would weigh on the first download. Pages and
// dialogs loaded later may use it. The walk follows every value import (`import … from`, `export … from`, bare
// `import '…'`) from the entry, not `import type` nor `import()`, which loads later.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');
const entry = resolve(root, 'renderer/src/main.tsx');

const STATIC_IMPORT = /^\s*(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;

function resolveLocal(from: string, spec: string): string | null {
  const base = resolve(dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, resolve(base, 'index.ts'), resolve(base, 'index.tsx')])
    if (existsSync(candidate) && /\.(ts|tsx)$/.test(candidate)) return candidate;
  return null;
}

/** Every local file and every package the entry reaches through static value imports. */
function staticClosure(start: string): { files: Set<string>; packages: Map<string, string> } {
  const files = new Set<string>([start]);
  const packages = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const file = queue.pop()!;
    for (const match of readFileSync(file, 'utf8').matchAll(STATIC_IMPORT)) {
      const spec = match[1]!;
      if (spec.startsWith('.')) {
        const target = resolveLocal(file, spec);
        if (target && !files.has(target)) {
          files.add(target);
          queue.push(target);
        }
      } else if (!packages.has(spec)) packages.set(spec, relative(root, file));
    }
  }
  return { files, packages };
}

describe('the first screen', () => {
  const { files, packages } = staticClosure(entry);

  it('reaches the answer page and its help tips, theme toggle and undo offer (the walk sees them)', () => {
    const reached = [...files].map((f) => relative(root, f));
    expect(reached).toEqual(
      expect.arrayContaining(['renderer/src/shell/App.tsx', 'renderer/src/settings/ThemeToggle.tsx', 'renderer/src/help/HelpTip.tsx', 'renderer/src/ui/undo.tsx']),
    );
    expect(packages.has('react-dom/client')).toBe(true);
  });

  it('imports no React Aria package statically', () => {
    const aria = [...packages].filter(([spec]) => /^(react-aria|react-aria-components|@react-aria\/|@react-stately\/|react-stately)/.test(spec));
    expect(aria.map(([spec, file]) => `${spec} (imported by ${file})`)).toEqual([]);
  });
});
