// The method page and the letter's method section are one text: for a snapshot, the letter model's method
// paragraphs are exactly the applying sections' paragraphs of the method page, in both languages.
import { describe, expect, it } from 'vitest';
import type { AnswerSnapshot } from '../../../shared/answer/snapshot';
import { prepareLetter } from '../../../shared/letter';
import { METHOD_SECTION_IDS, METHOD_TEXTS, methodSections, snapshotMethodInputs } from '../../../shared/method';
import { demoSnapshot } from '../letter/helpers';

/** The paragraphs under the letter's "Metod"/"Method" heading, up to the next heading. */
function letterMethodSection(snapshot: AnswerSnapshot): string[] {
  const { model } = prepareLetter(snapshot);
  const start = model.body.findIndex((b) => b.kind === 'heading' && b.text === (snapshot.language === 'sv' ? 'Metod' : 'Method'));
  expect(start, 'the letter has a method heading').toBeGreaterThan(-1);
  const rest = model.body.slice(start + 1);
  const end = rest.findIndex((b) => b.kind === 'heading');
  return rest.slice(0, end).map((b) => {
    if (b.kind !== 'paragraph') throw new Error(`unexpected ${b.kind} in the method section`);
    return b.text;
  });
}

function withoutSites(snapshot: AnswerSnapshot): AnswerSnapshot {
  return { ...snapshot, study: { ...snapshot.study, recruitment: { ...snapshot.study.recruitment, sites: [] } } };
}

describe('the method text', () => {
  it.each(['sv', 'en'] as const)('%s: the letter method section equals the method page sections that apply to the demo', (language) => {
    const snapshot = demoSnapshot(language);
    const page = methodSections(language, snapshotMethodInputs(snapshot));
    expect(page.map((s) => s.id)).toEqual([...METHOD_SECTION_IDS]);
    expect(letterMethodSection(snapshot)).toEqual(page.filter((s) => s.applies).flatMap((s) => s.paragraphs));
  });

  it.each(['sv', 'en'] as const)('%s: the page names the answer’s policy and the exact method, and the letter says the same', (language) => {
    const snapshot = demoSnapshot(language);
    const inputs = snapshotMethodInputs(snapshot);
    const text = letterMethodSection(snapshot).join('\n');
    expect(text).toContain(snapshot.settings.disclosurePolicy.name);
    expect(inputs.forecast).not.toBeNull();
    // The forecast is exact: the text says so and names no simulation.
    expect(text).toContain(language === 'sv' ? 'beräknat exakt, inte simulerat' : 'computed exactly, not simulated');
    expect(text).not.toMatch(language === 'sv' ? /frö|körningar/ : /seed|runs/);
    expect(text).toContain(language === 'sv' ? 'minst 80\u00a0%' : 'at least 80%');
  });

  it('a study without sites: no forecast or verdict in the letter, and the page says them generically', () => {
    const snapshot = withoutSites(demoSnapshot('sv'));
    const page = methodSections('sv', snapshotMethodInputs(snapshot));
    const byId = new Map(page.map((s) => [s.id, s]));
    expect(byId.get('forecast')?.applies).toBe(false);
    expect(byId.get('verdict')?.applies).toBe(false);
    const letter = letterMethodSection(snapshot);
    expect(letter.some((p) => p.includes('Poisson–gamma'))).toBe(false);
    expect(letter).toEqual(page.filter((s) => s.applies).flatMap((s) => s.paragraphs));
  });

  it('without an answer every section is generic and no placeholder is left unfilled', () => {
    for (const language of ['sv', 'en'] as const) {
      const page = methodSections(language, null);
      expect(page.every((s) => !s.applies)).toBe(true);
      for (const s of page) {
        expect(s.title.trim(), s.id).not.toBe('');
        for (const p of s.paragraphs) expect(p, s.id).not.toMatch(/[{}]/);
      }
    }
  });

  it('has the same keys in Swedish and English and is really translated', () => {
    expect(Object.keys(METHOD_TEXTS.en).sort()).toEqual(Object.keys(METHOD_TEXTS.sv).sort());
    for (const key of Object.keys(METHOD_TEXTS.sv) as Array<keyof typeof METHOD_TEXTS.sv>) expect(METHOD_TEXTS.en[key], key).not.toBe(METHOD_TEXTS.sv[key]);
  });
});
