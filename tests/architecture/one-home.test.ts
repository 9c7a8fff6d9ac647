/**
 * Presentation rules and shared types have one home each. These scans fail when a rule is restated elsewhere
 * (the copies drift apart: a name or a rounding that differs between the screen and the letter).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = path.resolve(__dirname, '../..');
const SOURCE_FOLDERS = ['shared', 'renderer/src', 'cli', 'electron'];

function sourceFiles(folder: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(path.join(repo, folder))) {
    const rel = `${folder}/${name}`;
    if (statSync(path.join(repo, rel)).isDirectory()) out.push(...sourceFiles(rel));
    else if (/\.(ts|tsx|mts)$/.test(name)) out.push(rel);
  }
  return out;
}

const files = SOURCE_FOLDERS.flatMap(sourceFiles);

/** Every `file:line` whose text matches, except in the rule's own home. */
function restatements(pattern: RegExp, home: string): string[] {
  const found: string[] = [];
  for (const file of files) {
    if (file === home) continue;
    readFileSync(path.join(repo, file), 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (pattern.test(line)) found.push(`${file}:${i + 1}: ${line.trim()}`);
      });
  }
  return found;
}

describe('one home per rule', () => {
  it('finds the source files it scans', () => {
    expect(files).toContain('shared/regions/regions.ts');
    expect(files.length).toBeGreaterThan(100);
  });

  it('a region name in a language is worked out only by regionName / healthcareRegionName', () => {
    expect(restatements(/\.name(Sv|En)\b/, 'shared/regions/regions.ts').filter((l) => !l.startsWith('shared/regions/parse.ts'))).toEqual([]);
  });

  it('the languages are declared once (Language), not as literal unions or per-area types', () => {
    expect(restatements(/'sv' \| 'en'|'en' \| 'sv'|\b(UiLanguage|LetterLanguage|CliLanguage)\b/, 'shared/text/language.ts')).toEqual([]);
  });

  it('an interval is rounded outwards by one function', () => {
    expect(restatements(/Math\.floor\([^)]*\.low \+ 1e-9\)|Math\.ceil\([^)]*\.high - 1e-9\)/, 'shared/utils/interval.ts')).toEqual([]);
  });

  it('a low/point/high triple is declared once (Interval), not as another interface with the same members', () => {
    const triple = /(?:interface|type) (\w+)(?: =)? \{\s*(?:(?:low|point|high): number;\s*){3}\}/g;
    const declared = files.flatMap((file) => [...readFileSync(path.join(repo, file), 'utf8').matchAll(triple)].map((m) => `${file}: ${m[1]}`));
    expect(declared).toEqual(['shared/utils/interval.ts: Interval']);
  });

  it("a policy's small values (up to k − 1) are worked out by smallValueRange / smallValueText; the auditor reads prints on its own", () => {
    // The disclosure auditor shares no code with the discloser on purpose, so a printing mistake is not repeated in the check.
    expect(restatements(/threshold - 1\b/, 'shared/disclosure/policy.ts').filter((l) => !l.startsWith('shared/disclosure-audit/read-print.ts'))).toEqual([]);
  });

  it("the database's tables are named for people in one table, for the app's backups and antal verify", () => {
    expect(restatements(/'Datasetkolumner'|'Dataset columns'/, 'shared/backup/table-names.ts')).toEqual([]);
  });

  it("the estimate's warnings are worded once, for the screen, the CLI, the letter and its checklist", () => {
    expect(restatements(/multiplicerats som om|multiplied as if independent|\(t\.ex\. "X" = 1–3\) och ingår|\(e\.g\. "X" = 1–3\) and (is|are) included/, 'shared/estimate/warning-texts.ts')).toEqual([]);
  });

  it('a scrolling region for a wide table is the ScrollRegion component, not markup repeated per page', () => {
    expect(restatements(/role="region"/, 'renderer/src/ui/ScrollRegion.tsx')).toEqual([]);
  });

  it("a table's caption and column headings are drawn by DataTable, not markup repeated per page", () => {
    expect(restatements(/<thead\b/, 'renderer/src/ui/DataTable.tsx')).toEqual([]);
  });

  it('a status or an error line is the StatusLine component (role, colour), not a hand-made role="status" or role="alert"', () => {
    // The undo toast's live region holds a button and keeps the toast open while focus is inside it.
    const exceptions = ['renderer/src/ui/undo.tsx'];
    const handMade = /role=("|'|\{[^}]*['"])(status|alert)\b|aria-live=/;
    expect(restatements(handMade, 'renderer/src/ui/StatusLine.tsx').filter((l) => !exceptions.some((file) => l.startsWith(`${file}:`)))).toEqual([]);
    expect(restatements(handMade, 'renderer/src/ui/StatusLine.tsx').some((l) => l.startsWith('renderer/src/ui/undo.tsx:'))).toBe(true);
    for (const planted of ['<p className="hint" role="status">', `<div role={bad ? 'alert' : 'status'}>`, '<div aria-live="polite">']) expect(handMade.test(planted), planted).toBe(true);
  });

  it('an error under a field (an id a control points at, in the error colour) is written by FieldError, in every form', () => {
    const fieldError = /\bid=\{?[^ >]*\}?\s+className="field-error"|className="field-error"[^>]*\bid=/;
    expect(restatements(fieldError, 'renderer/src/ui/FieldError.tsx')).toEqual([]);
    expect(fieldError.test('<p id={`${id}-error`} className="field-error">')).toBe(true);
    expect(fieldError.test('<span className="field-error" id={errorId}>')).toBe(true);
    expect(fieldError.test('<strong className="field-error">')).toBe(false);
  });

  it("a user setting's key, default, validation, load, save and audit live in renderer/src/settings/; features call it", () => {
    const touchesStorage = /\bdb\.settings\b|\bgetSetting\b|\bputSetting\b|\blocalStorage\b|\bsessionStorage\b|table\('settings'\)/;
    // Records of the settings table (or Web Storage) that are not user settings, each kept with what it belongs to.
    const notASetting: Record<string, string> = {
      'renderer/src/db/database.ts': "the table's definition and accessors; its upgrades move version 1's population choice into the study",
      'renderer/src/db/upgrade-v3.ts': "an upgrade that rebuilds the audit trail's head",
      'renderer/src/db/audit.ts': "the audit trail's head, written in the same transaction as each entry so a cut trail shows",
      'renderer/src/backup/backup.ts': "the audit trail's head of a backup being restored, its anchor",
      'renderer/src/db/seed.ts': "the database's own \"demo seeded\" marker, written in the seeding transaction",
      'renderer/src/db/pending-writes.ts': 'the journal of writes in flight at a reload (localStorage survives it), not a preference',
      'renderer/src/import/presets.ts': 'remembered column mappings, one per source file, saved in the import transaction with the datasets',
    };
    const found = restatements(touchesStorage, '').filter((line) => {
      const file = line.slice(0, line.indexOf(':'));
      // Only the renderer has a settings table and Web Storage (a comment in electron/ may name them).
      return file.startsWith('renderer/src/') && !file.startsWith('renderer/src/settings/') && !(file in notASetting);
    });
    expect(found).toEqual([]);
    // Each exception still needs its exemption (a stale one would hide a new use in that file).
    for (const file of Object.keys(notASetting)) expect(restatements(touchesStorage, '').some((l) => l.startsWith(`${file}:`)), file).toBe(true);
  });

  it('the settings scan can fail: it sees a feature reading the settings table', () => {
    const planted = "const on = (await db.settings.get('disclosureSponsorView'))?.value === true;";
    expect(/\bdb\.settings\b|\bgetSetting\b|\bputSetting\b|\blocalStorage\b/.test(planted)).toBe(true);
  });

  it('source comments say the reason itself instead of citing documents or tracker numbers outside the repository', () => {
    const cites = /ARCHITECTURE\.md|DOMAIN\.md|\b[Ii]ssue \d+|\bissue #\d+|§\s*\d/;
    const testFiles = sourceFiles('tests').filter((file) => file !== 'tests/architecture/one-home.test.ts');
    const found = [...files, ...testFiles].flatMap((file) =>
      readFileSync(path.join(repo, file), 'utf8')
        .split('\n')
        .flatMap((line, i) => (cites.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(found).toEqual([]);
  });

  it("an audit entry's summary is the user's words through i18n, never a literal written in one language", () => {
    // The audit trail is shown and exported in the user's language, and a summary is kept as first written (it is
    // hashed). The database upgrade's entry is written before any language is known; it is Swedish, the default.
    const literal = /\bsummary: ['`"]/;
    const found = restatements(literal, '').filter((l) => l.startsWith('renderer/src/') && !l.startsWith('renderer/src/i18n/') && !l.startsWith('renderer/src/db/upgrade-v3.ts:'));
    expect(found).toEqual([]);
    for (const planted of ["summary: `Language set to ${language}`,", "{ kind: 'backup' as const, summary: 'Backup created' }"]) expect(literal.test(planted), planted).toBe(true);
  });

  it('the scan can fail: it sees a restatement planted in a line', () => {
    const planted = "const n = language === 'sv' ? region.nameSv : region.nameEn;";
    expect(/\.name(Sv|En)\b/.test(planted)).toBe(true);
  });
});
