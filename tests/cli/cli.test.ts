import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runDemo } from '../../shared/demo/run-demo';
import { demoToJSON } from '../../cli/demo';
import { main, type CliIO } from '../../cli/main';

const ROOT = resolve(__dirname, '../..');
const BIN = join(ROOT, 'bin', 'antal.mjs');

function antal(...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

async function inProcess(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const io: CliIO = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), cwd: ROOT };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

describe('bin/antal.mjs (spawned)', () => {
  it('demo --json prints exactly what runDemo() computes', () => {
    const { code, stdout, stderr } = antal('demo', '--json');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const printed = JSON.parse(stdout);
    expect(printed).toEqual(JSON.parse(JSON.stringify(demoToJSON(runDemo()))));
    expect(printed.dataset.provenance.synthetic).toBe(true);
    expect(printed.dataset).not.toHaveProperty('columns');
  });

  it('--help prints usage with commands and exit codes, exit 0', () => {
    const { code, stdout } = antal('--help', '--lang', 'en');
    expect(code).toBe(0);
    expect(stdout).toContain('Usage:');
    expect(stdout).toContain('demo');
    // The benchmark is a developer tool (npm run bench), not a command of the user's CLI.
    expect(stdout).not.toMatch(/\bbench\b/);
    expect(stdout).toContain('2  usage error');
  });

  it('an unknown command exits 2 with a message on stderr and nothing on stdout', () => {
    const { code, stdout, stderr } = antal('frobnicate');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('Okänt kommando: "frobnicate"');
  });
});

describe('cli main (in process)', () => {
  it('--version prints the package version', async () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(await inProcess('--version')).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('demo prints the synthetic label, every region and the national numbers with locale grouping', async () => {
    const demo = runDemo();
    const en = await inProcess('demo', '--lang', 'en');
    expect(en.code).toBe(0);
    expect(en.stdout).toContain('SYNTHETIC DEMO DATA – not real patients');
    expect(en.stdout).toContain('Jämtland');
    const national = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
    expect(en.stdout).toContain(national.format(demo.estimate.attrition[0]!.total.point));
    expect(en.stdout).toMatch(/Chances of recruiting the desired number: (Very good|Good|Small)/);

    const sv = await inProcess('demo');
    expect(sv.stdout).toContain('SYNTETISKA DEMODATA – inte verkliga patienter');
    expect(sv.stdout).toContain(new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 0 }).format(demo.estimate.attrition[0]!.total.point));
    expect(sv.stdout).toContain('Västra Götaland');
    expect(sv.stdout).toContain('Halland delat efter befolkning');
  });

  it("demo words its warnings as the app and the letter's checklist do: the synthetic data by the dataset's name, never its id", async () => {
    const sv = await inProcess('demo');
    expect(sv.stdout).toContain('- Svaret bygger på syntetiska demodata (Syntetiska demodata: nya fall av kolorektal- och bröstcancer 2019–2023), inte på verkliga patienter.');
    expect(sv.stdout).not.toContain('demo-cancer-incidence-2019-2023');
    const en = await inProcess('demo', '--lang', 'en');
    expect(en.stdout).toContain('- This answer is based on synthetic demo data (Syntetiska demodata: nya fall av kolorektal- och bröstcancer 2019–2023), not on real patients.');
  });

  it.each([
    [['demo', '--runs', '5'], 'Okänd flagga: "--runs"'],
    [['demo', '--lang', 'de'], 'Okänt språk "de": välj sv eller en.'],
    [['demo', '--bogus'], 'Okänd flagga: "--bogus"'],
    [['bench'], 'Okänt kommando: "bench"'],
    [[], 'Inget kommando angivet.'],
    [['demo', '--lang'], 'Flaggan --lang behöver ett värde.'],
    [['frobnicate', '--lang', 'en'], 'Unknown command: "frobnicate"'],
  ])('%j is a usage error (exit 2): %s', async (args, message) => {
    const { code, stdout, stderr } = await inProcess(...args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(message);
  });
});
