/**
 * The import graph of the source folders: no file reaches itself through its imports, and the concept folders of
 * shared/ depend on each other in one direction only, so each can be read and tested from the bottom up.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = path.resolve(__dirname, '../..');

function sourceFiles(folder: string): string[] {
  return readdirSync(path.join(repo, folder)).flatMap((name) => {
    const rel = `${folder}/${name}`;
    if (statSync(path.join(repo, rel)).isDirectory()) return sourceFiles(rel);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts') ? [rel] : [];
  });
}

const files = ['shared', 'renderer/src', 'cli', 'electron'].flatMap(sourceFiles);
const known = new Set(files);

function resolveImport(from: string, spec: string): string | null {
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), spec));
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`]) if (known.has(candidate)) return candidate;
  return null;
}

/** file → the source files it imports (relative imports only; packages are not part of the graph). */
const graph = new Map(
  files.map((file) => {
    const text = readFileSync(path.join(repo, file), 'utf8');
    const targets = [...text.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)].flatMap((m) => resolveImport(file, m[1]!) ?? []);
    return [file, [...new Set(targets)]] as const;
  }),
);

/** The strongly connected components of more than one node (Tarjan): each is a cycle. */
function cycles(edges: ReadonlyMap<string, readonly string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const v of edges.keys()) if (!index.has(v)) visit(v);
  return found;
}

describe('the import graph', () => {
  it('reads the source files and their imports', () => {
    expect(graph.get('shared/answer/compute-answer.ts')).toContain('shared/estimate/estimate.ts');
    expect(files.length).toBeGreaterThan(200);
  });

  it('has no cycle between files', () => {
    expect(cycles(graph).map((c) => c.join(' → '))).toEqual([]);
  });

  it('has no cycle between the concept folders of shared/', () => {
    const folderOf = (file: string) => file.split('/').slice(0, 2).join('/');
    const folders = new Map<string, string[]>();
    for (const [file, targets] of graph) {
      if (!file.startsWith('shared/')) continue;
      const from = folderOf(file);
      const to = targets.filter((t) => t.startsWith('shared/') && folderOf(t) !== from).map(folderOf);
      folders.set(from, [...new Set([...(folders.get(from) ?? []), ...to])]);
    }
    expect(cycles(folders)).toEqual([]);
    // The building blocks import no concept folder: utils, text and json nothing, regions only text and utils.
    expect(folders.get('shared/utils') ?? []).toEqual([]);
    expect(folders.get('shared/text') ?? []).toEqual([]);
    expect(folders.get('shared/json') ?? []).toEqual([]);
    expect([...(folders.get('shared/regions') ?? [])].sort()).toEqual(['shared/text', 'shared/utils']);
  });

  it('finds a cycle when there is one', () => {
    expect(cycles(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]]))).toEqual([['a', 'b', 'c']]);
  });
});
