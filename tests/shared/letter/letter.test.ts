/**
 * The feasibility letter read back as a sponsor would: pdftotext of the demo letter in both languages has every
 * section and the disclosed figures; regenerating from the snapshot gives the same bytes; the PDF's metadata
 * comes from the snapshot; disclosure control refuses a letter that would reveal a small count, naming the cell.
 * Page 1 of each letter is kept as test-results/letter/letter-<lang>.png.
 */
import { existsSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { verifySnapshot, withLanguage } from '../../../shared/answer/snapshot';
import { DISCLOSURE_PRESETS } from '../../../shared/disclosure';
import { formatCount, formatPercent } from '../../../shared/text/format';
import { LetterDisclosureError, prepareLetter, renderLetterPdf } from '../../../shared/letter';
import { demoSnapshot, pdfInfo, pdfText, renderFirstPage } from './helpers';

// The first render loads pdfmake and its fonts.
const SLOW = 60_000;

const SECTIONS = {
  sv: ['Sammanfattning', 'Svar enligt Early Feedback Form', 'Studien', 'Möjliga deltagare', 'Urvalssteg (bortfall)', 'Rekryteringsprognos', 'Antaganden och källor', 'Dataunderlag', 'Metod', 'Begränsningar', 'Med vänlig hälsning'],
  en: ['Summary', 'Early Feedback Form answers', 'The study', 'Eligible patients', 'Selection steps (attrition)', 'Recruitment projection', 'Assumptions and sources', 'Data', 'Method', 'Limitations', 'Yours sincerely'],
} as const;

describe('the feasibility letter PDF', () => {
  it.each(['sv', 'en'] as const)(
    '%s: pdftotext shows every section, the disclosed national figure, the regions, provenance, policy and hash',
    async (language) => {
      const snapshot = demoSnapshot(language);
      const { disclosed } = await prepareLetter(snapshot);
      const bytes = await renderLetterPdf(snapshot);
      const text = pdfText(bytes);
      const flat = text.replace(/\s+/g, ' ');
      for (const section of SECTIONS[language]) expect(text).toContain(section);

      const national = disclosed.national;
      const printed = (v: { kind: string; value: number | null }) => (v.kind === 'shown' ? formatCount(v.value!, language).replace(/\u00a0/g, ' ') : DISCLOSURE_PRESETS.ohdsi.secondaryText);
      expect(national.point.kind).toBe('shown');
      const summary = language === 'sv' ? `finns ${printed(national.point)} möjliga deltagare i riket (intervall ${printed(national.low)}–${printed(national.high)})` : `The estimate is ${printed(national.point)} eligible patients nationally (interval ${printed(national.low)}–${printed(national.high)})`;
      expect(flat).toContain(summary);

      // Every region and healthcare region is listed, the Halland rule stated, letterhead and references present.
      for (const region of ['Stockholm', 'Gotland', 'Skåne', 'Västra Götaland', 'Norrbotten', 'Jämtland']) expect(text).toContain(region);
      expect(text).toContain(language === 'sv' ? 'Halland är fördelat efter befolkning: 42 % till Södra' : 'Halland is split by population: 42% to the Southern');
      for (const fact of ['Prövningsenheten Syd', '221 00 Lund', 'FS-2026-0042', 'Dnr 2026/117', 'Acme Pharma AB', '2026-03-14', 'Åsa Öberg']) expect(text).toContain(fact);

      // Provenance with the dataset's SHA-256, the independence assumption, the disclosure rule, the footer.
      expect(flat).toContain(`SHA-256: ${snapshot.datasets[0]!.sha256}`);
      expect(flat).toContain(language === 'sv' ? 'förutsätter att kriterierna är oberoende' : 'assumes the criteria are independent');
      expect(flat).toContain(language === 'sv' ? 'endast antal eller intervall' : 'only numbers or intervals');
      expect(flat).toContain(snapshot.contentHash);
      expect(flat).toContain(language === 'sv' ? 'Röjandeskydd: OHDSI k = 5, version 1' : 'Disclosure control: OHDSI k = 5, version 1');
      expect(flat).toMatch(language === 'sv' ? /Sida 1 av \d/ : /Page 1 of \d/);
      expect(flat).toContain(language === 'sv' ? 'SYNTETISKA DEMODATA' : 'SYNTHETIC DEMO DATA');
      expect(flat).toContain('SEKRETESS ENLIGT OSL 2009:400');
      // The verdict with its rule (Early Feedback Form question 2).
      const verdict = { 'very-good': ['mycket goda', 'very good'], good: ['goda', 'good'], small: ['små', 'small'] }[snapshot.answer.verdict.verdict][language === 'sv' ? 0 : 1]!;
      expect(flat).toContain(`${verdict} (${language === 'sv' ? 'sannolikhet' : 'probability'} ${formatPercent(snapshot.answer.verdict.probability, language).replace(/\u00a0/g, ' ')}`);

      const png = renderFirstPage(bytes, `letter-${language}`);
      expect(existsSync(png) && statSync(png).size).toBeGreaterThan(10_000);
    },
    SLOW,
  );

  it('is A4 with title, author, subject, keywords and the creation date of the snapshot, not of the clock', async () => {
    const info = pdfInfo(await renderLetterPdf(demoSnapshot('sv')));
    expect(info['Page size']).toMatch(/^595\.\d+ x 841\.\d+ pts \(A4\)/);
    expect(info.Title).toBe('Svar på förfrågan om antalsberäkning: DEMO – Fas III-studie, metastaserad kolorektalcancer');
    expect(info.Author).toBe('Prövningsenheten Syd');
    expect(info.Subject).toContain('Antalsberäkning: DEMO');
    expect(info.Keywords).toContain('FS-2026-0042');
    expect(info.CreationDate).toBe('2026-03-14T09:30:00Z');
    expect(Number(info.Pages)).toBeGreaterThanOrEqual(3);
  }, SLOW);

  it('the same snapshot gives identical bytes; the same answer in another language gives other bytes', async () => {
    const snapshot = demoSnapshot('sv');
    const first = await renderLetterPdf(snapshot);
    const again = await renderLetterPdf(JSON.parse(JSON.stringify(snapshot)));
    expect(Buffer.from(again).equals(Buffer.from(first))).toBe(true);
    const english = await renderLetterPdf(withLanguage(snapshot, 'en'));
    expect(Buffer.from(english).equals(Buffer.from(first))).toBe(false);
  }, SLOW);

  it('a snapshot hashes its content: key order does not matter, an edit is detected', () => {
    const snapshot = demoSnapshot('sv');
    expect(snapshot.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(verifySnapshot(snapshot)).toBe(true);
    const reordered = Object.fromEntries(Object.entries(snapshot).reverse()) as typeof snapshot;
    expect(verifySnapshot(reordered)).toBe(true);
    const edited = JSON.parse(JSON.stringify(snapshot)) as typeof snapshot;
    edited.answer.estimate.national.point += 1;
    expect(verifySnapshot(edited)).toBe(false);
    expect(demoSnapshot('sv').contentHash).toBe(snapshot.contentHash);
  });

  it('without request facts the letter still has a subject from the study and no EFF section', async () => {
    const text = pdfText(await renderLetterPdf(demoSnapshot('en', { request: null })));
    expect(text).toContain('Feasibility count: DEMO – Fas III-studie');
    expect(text).not.toContain('Early Feedback Form answers');
    expect(text).not.toContain('SEKRETESS');
  }, SLOW);
});

describe('disclosure control in the letter', () => {
  // In the demo, Gotland's low end is 3, below k = 5: it prints as "<5". Stockholm's low (149) and Stockholm-
  // Gotland's (152) would give it away (152 − 149 = 3), so secondary suppression hides Stockholm-Gotland's low
  // ("..") — and Sweden's, or 598 minus the other healthcare regions would give it back — and not Stockholm's:
  // the forecast is computed from Stockholm's figures (it has a site), and hiding them would withhold it.
  it('prints a small value as "<5" and hides complementary totals, and still produces the letter with its forecast', async () => {
    const snapshot = demoSnapshot('sv');
    const { model, disclosed, audit } = await prepareLetter(snapshot);
    expect(audit.ok).toBe(true);
    expect(disclosed.regions.find((r) => r.region === '09')!.low.kind).toBe('small');
    const regionTable = model.body.find((b) => b.kind === 'table');
    const rows = regionTable?.kind === 'table' ? regionTable.rows : [];
    expect(rows.find((r) => r[0] === 'Gotland')![2]).toBe('<5');
    expect(rows.find((r) => r[0] === 'Stockholm')![2]).toBe('149');
    const hrTable = model.body.filter((b) => b.kind === 'table')[1];
    expect(hrTable?.kind === 'table' && hrTable.rows.find((r) => r[0] === 'Stockholm-Gotland')![1]).toBe('..');
    expect(model.body.some((b) => b.kind === 'svg' && b.caption.startsWith('Kumulativt antal rekryterade patienter'))).toBe(true);
    const text = pdfText(await renderLetterPdf(snapshot), true);
    expect(text).toMatch(/Gotland\s+Stockholm-Gotland\s+<5\s+\d+\s+\d+/);
  }, SLOW);

  it('refuses the letter, naming the cell, when suppression is switched off and a total reveals the hidden region', async () => {
    const unsafe = { ...DISCLOSURE_PRESETS.ohdsi, id: 'unsafe', name: 'No secondary suppression', secondary: 'none' as const };
    const snapshot = demoSnapshot('en', { policy: unsafe });
    let error: unknown;
    try {
      await renderLetterPdf(snapshot);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(LetterDisclosureError);
    expect((error as LetterDisclosureError).message).toContain('Gotland');
    const finding = (error as LetterDisclosureError).findings.find((f) => f.quantity === 'region:09#low')!;
    // 144 − 141: Stockholm-Gotland's low minus Stockholm's.
    expect(finding.inferred).toEqual({ low: 3, high: 3 });
    expect(finding.message.sv).toContain('Gotland (låg) (tryckt som <5) kan ringas in till exakt 3');
  }, SLOW);
});
