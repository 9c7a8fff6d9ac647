/**
 * The real `antal` command (bin/antal.mjs in a child process, as a unit's monthly script runs it): answer export
 * for three units → answer compile → verify, and a tampered file failing verify with exit code 1 and a message
 * naming the problem. Usage errors exit 2.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const BIN = path.join(ROOT, 'bin/antal.mjs');
const STUDY = path.join(ROOT, 'tests/fixtures/estimate-study.json');
const DATA = path.join(ROOT, 'tests/fixtures/estimate-counts.csv');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function antal(args: string[], cwd: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, SOURCE_DATE_EPOCH: '' } }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

let dir: string;
const at = (name: string) => path.join(dir, name);

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'antal-answer-'));
  // The same study one version earlier, with another age limit: the older criteria version.
  const study = JSON.parse(readFileSync(STUDY, 'utf8')) as { version: number; steps: { id: string; label: string }[] };
  const older = { ...study, version: study.version - 1, steps: study.steps.map((s, i) => (i === 1 ? { ...s, label: `${s.label} (older)` } : s)) };
  writeFileSync(at('older-study.json'), JSON.stringify(older, null, 2));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const exportArgs = (unit: string, regions: string, out: string, study = STUDY) => ['answer', 'export', '--study', study, '--data', DATA, '--unit', unit, '--region', regions, '--out', out, '--date', '2026-11-30', '--lang', 'en'];

describe('antal answer export → compile → verify', () => {
  it('exports three units’ answer files, compiles them with the expected warnings, and verifies', async () => {
    const [a, b, c] = await Promise.all([
      antal(exportArgs('Forum Stockholm', 'Stockholm,Uppsala', at('a.json')), dir),
      antal(exportArgs('Gothia Forum', 'Uppsala,Halland,Västra Götaland', at('b.json')), dir),
      antal(exportArgs('Forum Old', 'Gotland', at('c.json'), at('older-study.json')), dir),
    ]);
    expect([a.code, b.code, c.code], a.stderr + b.stderr + c.stderr).toEqual([0, 0, 0]);
    expect(a.stdout).toMatch(/a\.json: answer file for Forum Stockholm, 2 regions/);
    const fileA = JSON.parse(readFileSync(at('a.json'), 'utf8')) as { format: string; request: { reference: string }; createdAt: string; regions: { region: string }[] };
    expect(fileA.format).toBe('antal-answer-file');
    expect(fileA.request.reference).toBe('FIX-1');
    expect(fileA.createdAt).toBe('2026-11-30T00:00:00.000Z');
    expect(fileA.regions.map((r) => r.region)).toEqual(['01', '03']);

    const compiled = await antal(['answer', 'compile', at('a.json'), at('b.json'), at('c.json'), '--out', at('compiled.json'), '--lang', 'en', '--date', '2026-12-01'], dir);
    expect(compiled.code, compiled.stderr).toBe(0);
    expect(compiled.stdout).toContain('Forum Old answered criteria version 2, not 3: the answer is shown but not counted.');
    expect(compiled.stdout).toContain('Uppsala is answered by Forum Stockholm and Gothia Forum');
    expect(compiled.stdout).toMatch(/No answer for Södermanland, Östergötland/);
    expect(compiled.stdout).toContain('Disclosure control passes the compilation (OHDSI k = 5).');
    const json = JSON.parse(readFileSync(at('compiled.json'), 'utf8')) as { format: string; units: { name: string; counted: boolean }[]; disclosure: { ok: boolean } };
    expect(json.format).toBe('antal-compiled-answer');
    expect(json.units.map((u) => [u.name, u.counted])).toEqual([
      ['Forum Stockholm', true],
      ['Gothia Forum', true],
      ['Forum Old', false],
    ]);

    const strict = await antal(['answer', 'compile', at('a.json'), at('b.json'), '--strict', '--json'], dir);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(/--strict: sammanställningen har \d+ varningar/);

    const [okA, okCompiled] = await Promise.all([antal(['verify', at('a.json'), '--lang', 'en'], dir), antal(['verify', at('compiled.json'), '--json'], dir)]);
    expect(okA.code, okA.stderr).toBe(0);
    expect(okA.stdout).toMatch(/a\.json: OK – answer file/);
    expect(okCompiled.code).toBe(0);
    expect(JSON.parse(okCompiled.stdout)).toMatchObject({ kind: 'compiled-answer', ok: true });
  }, 240_000);

  it('a tampered answer file fails verify (exit 1, the mismatch named) and is refused by compile', async () => {
    const exported = await antal(exportArgs('Forum Stockholm', 'Stockholm', at('t.json')), dir);
    expect(exported.code, exported.stderr).toBe(0);
    const file = JSON.parse(readFileSync(at('t.json'), 'utf8')) as { regions: { point: { text: string; low: number; high: number } }[] };
    file.regions[0]!.point = { ...file.regions[0]!.point, text: '999', low: 999, high: 999 };
    writeFileSync(at('t.json'), JSON.stringify(file, null, 2));
    const [verify, compile] = await Promise.all([antal(['verify', at('t.json'), '--lang', 'en'], dir), antal(['answer', 'compile', at('t.json')], dir)]);
    expect(verify.code).toBe(1);
    expect(verify.stderr).toMatch(/t\.json: VERIFICATION FAILED – answer file/);
    expect(verify.stderr).toMatch(/content hash mismatch: the file states [0-9a-f]{64}, its content hashes to [0-9a-f]{64} — it was changed after export/);
    expect(compile.code).toBe(1);
    expect(compile.stderr).toMatch(/t\.json: Answer file 1 \(Forum Stockholm\) does not match its content hash/);
  }, 120_000);

  it('names the file, line and column of a broken answer file; usage errors exit 2', async () => {
    writeFileSync(at('broken.json'), '{\n  "format": "antal-answer-file",\n  "unit": { "name": "A",, }\n}\n');
    const [broken, noOut, unknown] = await Promise.all([
      antal(['verify', at('broken.json')], dir),
      antal(['answer', 'export', '--study', STUDY, '--data', DATA, '--unit', 'A'], dir),
      antal(['answer', 'merge'], dir),
    ]);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain(`${at('broken.json')}:3:25: not valid JSON: unexpected ","`);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toMatch(/--out ANSWER\.json is required/);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown subcommand "merge"/);
  }, 120_000);

  it('lists the new verbs and the exit codes in antal --help', async () => {
    const help = await antal(['--help', '--lang', 'en'], dir);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('answer export --study STUDY.json');
    expect(help.stdout).toContain('answer compile A.json B.json');
    expect(help.stdout).toContain('verify FILE');
    expect(help.stdout).toContain('(verify: 1 when the file does not match its hash');
  }, 60_000);
});
