// The importer's reasons and problems as codes with parameters, rendered in Swedish and English.
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../../shared/import/problems';
import { renderPhrase, type Phrase, type PhraseParam } from '../../../shared/import/phrases';
import { PHRASES_EN } from '../../../shared/import/phrases.en';
import { PHRASES_SV } from '../../../shared/import/phrases.sv';
import { analyseText, utf8 } from './helpers';
import { analyseFile } from '../../../shared/import/analyse-file';

const placeholders = (template: string): string[] => [...template.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!).sort();

/** Every phrase nested in a phrase (the phrase itself included). */
function allPhrases(p: Phrase): Phrase[] {
  const nested = (v: PhraseParam): Phrase[] =>
    typeof v === 'object' ? (Array.isArray(v) ? (v as readonly PhraseParam[]).flatMap(nested) : allPhrases(v as Phrase)) : [];
  return [p, ...Object.values(p.params ?? {}).flatMap(nested)];
}

describe('phrase tables', () => {
  it('have the same keys and the same placeholders in Swedish and English', () => {
    expect(Object.keys(PHRASES_SV).sort()).toEqual(Object.keys(PHRASES_EN).sort());
    for (const key of Object.keys(PHRASES_EN) as (keyof typeof PHRASES_EN)[]) {
      expect([key, placeholders(PHRASES_SV[key])]).toEqual([key, placeholders(PHRASES_EN[key])]);
    }
  });
});

describe('problems and evidence in the user\'s language', () => {
  const text = 'Region;År;Antal patienter\nStockholms län;2021;1 234\nSkåne län;2021;-4\nPåhittat län;2021;5\n';

  it('every problem of a flawed file names its line, column, raw value and expectation in both languages', async () => {
    const p = await analyseText(text);
    expect(p.errors.map((e) => e.code).sort()).toEqual(['negative-count', 'unknown-region']);
    for (const e of p.errors) {
      for (const table of [PHRASES_SV, PHRASES_EN]) {
        const line = formatProblem(e, table);
        expect(line).toContain(String(e.line));
        expect(line).toContain(String(e.column));
        expect(line).toContain(e.raw);
        expect(line).toContain(renderPhrase(e.expects, table));
      }
    }
    const region = p.errors.find((e) => e.code === 'unknown-region')!;
    expect(formatProblem(region, PHRASES_SV)).toBe(
      'fel: test.csv, rad 4, kolumn 1 (Region): ”Påhittat län” är ingen region; hittade ”Påhittat län”; förväntat '
      + 'ett svenskt län (”Skåne län”, ”12”, ”SE-M”, ”12 Skåne county”), riket (”Riket”) eller okänd region (”Okänd”) [unknown-region]',
    );
    // The English form the CLI printed before the codes existed is unchanged.
    expect(formatProblem(p.errors.find((e) => e.code === 'negative-count')!)).toBe(
      'error: test.csv, line 3, column 3 (Antal patienter): a count cannot be negative; found "-4"; expected zero or more [negative-count]',
    );
  });

  it('keeps each English message equal to its phrase rendered in English', async () => {
    const p = await analyseText(text);
    for (const e of [...p.errors, ...p.warnings]) {
      expect(e.message).toBe(renderPhrase(e.what));
      expect(e.expected).toBe(renderPhrase(e.expects));
    }
    for (const c of p.columns) expect(c.evidence).toEqual(c.reasons.map((r) => renderPhrase(r)));
    expect(p.encoding!.evidence).toBe(renderPhrase(p.encoding!.because));
    expect(p.dialect!.evidence).toBe(renderPhrase(p.dialect!.because!));
  });

  it('translates the reasons for encoding, delimiter, roles and number format, nested words included', async () => {
    const latin1 = Uint8Array.from([...utf8('Region;Antal patienter;Andel\nSk'), 0xe5, ...utf8('ne l'), 0xe4, ...utf8('n;5;4,74\n')]);
    const p = await analyseFile({ name: 'l.csv', bytes: latin1 });
    expect(renderPhrase(p.encoding!.because, PHRASES_SV)).toBe('byte 0xE5 vid position 31 (rad 2) är inte giltig UTF-8, så filen läses som Windows-1252 (förenlig med ISO-8859-1): 0xE5 = ”å”');
    expect(renderPhrase(p.dialect!.because!, PHRASES_SV)).toMatch(/^”;” delar rubrikraden \(post 1 i urvalet\) i 3 fält/);
    const svReasons = p.columns.flatMap((c) => c.reasons.map((r) => renderPhrase(r, PHRASES_SV)));
    expect(svReasons).toContain('rubriken ”Region” anger region');
    expect(svReasons).toContain('”Andel” anger en takt per 100');
    expect(svReasons).toContain('talformat: decimalkomma: 1 värden som ”4,74” har ett komma som inte följs av exakt tre siffror');
    // No phrase key is left untranslated: a Swedish rendering never falls back to the English template.
    for (const r of p.columns.flatMap((c) => c.reasons).flatMap(allPhrases)) {
      if (PHRASES_SV[r.key] !== PHRASES_EN[r.key]) expect(renderPhrase(r, PHRASES_SV)).not.toBe(renderPhrase(r, PHRASES_EN));
    }
  });
});

describe('provenance notes', () => {
  it('are kept as phrases too, so the dataset details read in Swedish', async () => {
    const { buildDataset } = await import('../../../shared/import/build-dataset');
    const p = await analyseText('Titel: antal\nRegion;Antal patienter\nSkåne län;5\nSkåne län;5\nKälla: Testregistret\n');
    const { provenance } = buildDataset(p, p.mapping, { publisher: 'test' });
    expect(provenance.notes.map((n) => n)).toEqual(provenance.noteReasons!.map((r) => renderPhrase(r)));
    const sv = provenance.noteReasons!.map((r) => renderPhrase(r, PHRASES_SV));
    expect(sv).toContain('rad 1 (rubrik): Titel: antal');
    expect(sv).toContain('rad 5 (fotnot): Källa: Testregistret');
    // The repeated cell is named by its column (the header the file gave it, or the role's word) and the county's name, never by internal keys or codes.
    expect(sv).toContain('identical-duplicate rad 4: region Skåne län upprepar rad 3 med samma värde; räknas en gång');
    expect(provenance.notes).toContain('identical-duplicate line 4: region Skåne County repeats line 3 with the same value; counted once');
    expect(sv).toContain('underlaget antogs vara prevalent: filen anger inte om antalen är nya fall eller prevalenta');
  });
});

