/**
 * `antal letter` on the estimate fixtures (tests/fixtures): a letter that is not ready (no unit profile, no Early
 * Feedback Form answers, warnings not acknowledged) is refused with every reason and nothing written; once ready,
 * the CLI writes the same bytes as the library renders from the snapshot it reports, the same inputs and --date
 * give the same bytes, a kept snapshot renders again identically, the file is written atomically, and wrong usage
 * is refused with exit 2.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import type { LetterCommandResult } from '../../cli/commands/letter';
import { renderLetterPdf } from '../../shared/letter';
import { pdfText } from '../shared/letter/helpers';

const FIXTURES = join(__dirname, '..', 'fixtures');
const STUDY = join(FIXTURES, 'estimate-study.json');
const COUNTS = join(FIXTURES, 'estimate-counts.csv');
const SLOW = 60_000;

async function antal(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), cwd: process.cwd() });
  return { code, stdout, stderr };
}

const EFF = {
  populationPresent: { answer: 'yes' },
  recruitmentChances: { answer: 'good' },
  limitingFactors: { factors: ['exclusion-criteria'] },
  discouragingFactors: { answer: 'no' },
  standardOfCare: { answer: 'yes' },
  careSetting: 'Colorectal surgery and oncology at university hospitals.',
  relevantClinics: 'Oncology clinics.',
};

/** A unit profile and a request file with every Early Feedback Form answer, written to `dir`. */
function readyFiles(dir: string, request: Record<string, unknown> = {}): string[] {
  writeFileSync(join(dir, 'unit.json'), JSON.stringify({ unitName: 'Prövningsenheten Syd', address: 'Box 1', signatoryName: 'Åsa Öberg', signatoryTitle: 'Koordinator' }));
  writeFileSync(join(dir, 'request.json'), JSON.stringify({ reference: 'SPON-1', protocolNumber: 'P-301', diaryNumber: 'Dnr 2026/9', eff: EFF, ...request }));
  return ['--unit', join(dir, 'unit.json'), '--request', join(dir, 'request.json')];
}

/** The keys a refusal prints for the warnings to acknowledge. */
function keysIn(stderr: string): string[] {
  return [...stderr.matchAll(/--acknowledge ([0-9a-f]{16})/g)].map((m) => m[1]!);
}

/** Everything a ready letter needs: unit, request with the form, and an acknowledgement of each warning. */
async function readyArgs(dir: string): Promise<string[]> {
  const files = readyFiles(dir);
  const refused = await antal(['letter', '--study', STUDY, '--data', COUNTS, '--out', join(dir, 'probe.pdf'), '--date', '2026-03-14', ...files]);
  return [...files, ...keysIn(refused.stderr).flatMap((k) => ['--acknowledge', k])];
}

describe('antal letter', () => {
  it('writes the letter the library renders from the reported snapshot, byte for byte', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'antal-letter-cli-'));
    const out = join(dir, 'letter.pdf');
    const ready = await readyArgs(dir);
    const { code, stdout, stderr } = await antal(['letter', '--study', STUDY, '--data', COUNTS, '--out', out, '--date', '2026-03-14', '--lang', 'en', '--json', ...ready]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as LetterCommandResult;
    const written = readFileSync(out);
    expect(result.bytes).toBe(written.byteLength);
    expect(result.snapshot.createdAt).toBe('2026-03-14T00:00:00.000Z');
    expect(result.snapshot.language).toBe('en');
    const library = await renderLetterPdf(result.snapshot);
    expect(Buffer.from(library).equals(written)).toBe(true);
    // Atomic write: only the letter is left in the folder, no temporary file.
    expect(readdirSync(dir).filter((f) => f.endsWith('.pdf'))).toEqual(['letter.pdf']);
    const text = pdfText(written).replace(/\s+/g, ' ');
    expect(text).toContain('Fixture study: colorectal cancer');
    expect(text).toContain(`SHA-256: ${result.snapshot.datasets[0]!.sha256}`);
  }, SLOW);

  it('the same inputs and --date give the same bytes; --snapshot renders a kept snapshot again identically', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'antal-letter-cli-'));
    const ready = await readyArgs(dir);
    const args = (out: string) => ['letter', '--study', STUDY, '--data', COUNTS, '--out', join(dir, out), '--date', '2026-03-14', '--json', ...ready];
    const first = await antal(args('a.pdf'));
    const second = await antal(args('b.pdf'));
    expect([first.code, second.code]).toEqual([0, 0]);
    expect(readFileSync(join(dir, 'a.pdf')).equals(readFileSync(join(dir, 'b.pdf')))).toBe(true);

    const kept = join(dir, 'snapshot.json');
    writeFileSync(kept, JSON.stringify((JSON.parse(first.stdout) as LetterCommandResult).snapshot));
    const again = await antal(['letter', '--snapshot', kept, '--out', join(dir, 'c.pdf')]);
    expect(again.code).toBe(0);
    expect(readFileSync(join(dir, 'c.pdf')).equals(readFileSync(join(dir, 'a.pdf')))).toBe(true);

    // An edited snapshot no longer matches its content hash and is refused.
    const edited = JSON.parse(readFileSync(kept, 'utf8')) as LetterCommandResult['snapshot'];
    edited.study.title = 'Something else';
    writeFileSync(kept, JSON.stringify(edited));
    const refused = await antal(['letter', '--snapshot', kept, '--out', join(dir, 'd.pdf')]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('does not match its contentHash');
  }, SLOW);

  it('refuses a letter that is not ready, naming every reason in the chosen language, and writes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'antal-letter-cli-'));
    const bare = await antal(['letter', '--study', STUDY, '--data', COUNTS, '--out', join(dir, 'x.pdf'), '--date', '2026-03-14']);
    expect(bare.code).toBe(1);
    expect(bare.stderr).toContain('Brevet skapades inte: det är inte klart att skickas.');
    expect(bare.stderr).toContain('Early Feedback Form: frågorna 1, 2, 3, 4, 5, 6 och 7 är obesvarade.');
    expect(bare.stderr).toContain('Enhetsprofilen saknar enhetens namn');
    expect(bare.stderr).toContain('Enhetsprofilen saknar undertecknare');
    // Every warning of the answer is named with the key that acknowledges it (the fixture has masked cells, …).
    const keys = keysIn(bare.stderr);
    expect(keys.length).toBeGreaterThan(0);
    expect(bare.stderr).toContain('Inte bekräftad: ');
    expect(readdirSync(dir)).toEqual([]);

    // With the unit and the form but one warning left unacknowledged, only that warning is named.
    const files = readyFiles(dir);
    const oneLeft = await antal(['letter', '--study', STUDY, '--data', COUNTS, '--out', join(dir, 'x.pdf'), '--date', '2026-03-14', '--lang', 'en', ...files, ...keys.slice(1).flatMap((k) => ['--acknowledge', k])]);
    expect(oneLeft.code).toBe(1);
    expect(keysIn(oneLeft.stderr)).toEqual([keys[0]]);
    expect(oneLeft.stderr).not.toContain('Early Feedback Form');
    // The same acknowledgements in the request file count the same as the flag.
    readyFiles(dir, { acknowledgements: keys });
    const ready = await antal(['letter', '--study', STUDY, '--data', COUNTS, '--out', join(dir, 'x.pdf'), '--date', '2026-03-14', ...files]);
    expect(ready.stderr).toBe('');
    expect(ready.code).toBe(0);

    // A Site Feasibility request needs no Early Feedback Form.
    writeFileSync(join(dir, 'request.json'), JSON.stringify({ type: 'site', acknowledgements: keys }));
    const site = await antal(['letter', '--study', STUDY, '--data', COUNTS, '--out', join(dir, 'site.pdf'), '--date', '2026-03-14', ...files]);
    expect(site.code).toBe(0);
  }, SLOW);

  it.each([
    [['letter', '--study', STUDY, '--data', COUNTS], '--out LETTER.pdf is required'],
    [['letter', '--study', STUDY, '--data', COUNTS, '--out', 'x.pdf', '--date', '2026-02-30'], '--date must be a date YYYY-MM-DD'],
    [['letter', '--study', STUDY, '--data', COUNTS, '--out', 'x.pdf', '--policy', 'k3'], '--policy must be one of ohdsi'],
    [['letter', '--data', COUNTS, '--out', 'x.pdf'], '--study STUDY.json is required'],
  ])('%j is a usage error (exit 2): %s', async (args, message) => {
    const { code, stderr } = await antal(args);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });

  it('a data file that cannot be imported is an input error (exit 1) naming the file', async () => {
    const bad = join(FIXTURES, 'estimate-counts-bad.csv');
    const dir = mkdtempSync(join(tmpdir(), 'antal-letter-cli-'));
    const { code, stderr } = await antal(['letter', '--study', STUDY, '--data', bad, '--out', join(dir, 'x.pdf'), '--date', '2026-03-14']);
    expect(code).toBe(1);
    expect(stderr).toContain('estimate-counts-bad.csv');
    expect(readdirSync(dir)).toEqual([]);
  });
});
