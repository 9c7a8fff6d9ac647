/**
 * What a letter prints, read back from the letter model as a reader reads the page: the figures in its tables
 * (identified by the region, healthcare region and step names printed beside them), the attrition percentages,
 * the Halland split, and the charts and texts computed from figures. This is what the auditor checks — the page,
 * not the table it was made from.
 */
import type { AnswerSnapshot } from '../answer/snapshot';
import type { DisclosurePolicy } from '../disclosure';
import type { DerivedFigures, PrintedFigure, PrintedOutput, PrintedShare } from '../disclosure-audit';
import { rateFromRegion } from '../recruitment/printable';
import { COUNTY_CODES, HEALTHCARE_REGION_IDS, healthcareRegionName, regionName } from '../regions/regions';
import { letterText } from './texts';
import type { LetterBlock, LetterModel } from './model';

type Table = Extract<LetterBlock, { kind: 'table' }>;

function tableWithCaption(model: LetterModel, caption: string): Table | null {
  return (model.body.find((b): b is Table => b.kind === 'table' && b.caption === caption) ?? null) as Table | null;
}

const figureOfRow = (figure: string, cells: string[]): PrintedFigure => ({ figure, texts: { low: cells[0]!, point: cells[1]!, high: cells[2]! } });

export function letterPrint(model: LetterModel, snapshot: AnswerSnapshot, policy: DisclosurePolicy): PrintedOutput {
  const t = letterText(model.language);
  const figures: PrintedFigure[] = [];
  const shares: PrintedShare[] = [];
  const regionByName = new Map(COUNTY_CODES.map((code) => [regionName(code, model.language), code]));
  const hrByName = new Map(HEALTHCARE_REGION_IDS.map((id) => [healthcareRegionName(id, model.language), id]));

  const perRegion = tableWithCaption(model, t('perRegionCaption'));
  for (const row of perRegion?.rows ?? []) {
    const code = regionByName.get(row[0]!);
    if (code) figures.push(figureOfRow(`region:${code}`, row.slice(2)));
  }
  for (const row of perRegion?.footRows ?? []) if (row[0] === t('national')) figures.push(figureOfRow('national', row.slice(2)));
  for (const row of tableWithCaption(model, t('perHealthcareRegionCaption'))?.rows ?? []) {
    const id = hrByName.get(row[0]!);
    if (id) figures.push(figureOfRow(`healthcare-region:${id}`, row.slice(1)));
  }

  // The attrition table prints the enabled steps in order; the reader knows the steps from the criteria list.
  const enabled = snapshot.answer.estimate.attrition.filter((s) => s.enabled);
  const attrition = tableWithCaption(model, t('attritionCaption'));
  attrition?.rows.forEach((row, i) => {
    const step = enabled[i];
    if (!step) return;
    const id = `attrition:${step.stepId}`;
    figures.push(figureOfRow(id, row.slice(1, 4)));
    if (i > 0 && row[4]) shares.push({ kind: 'remaining', figure: id, of: `attrition:${enabled[0]!.stepId}`, text: row[4] });
    if (i > 0 && row[5]) shares.push({ kind: 'lost', figure: id, of: `attrition:${enabled[i - 1]!.stepId}`, text: row[5] });
  });

  // The Halland sentence: the percentage to Södra, or wholly to one healthcare region.
  const halland = model.body.find((b): b is Extract<LetterBlock, { kind: 'paragraph' }> => b.kind === 'paragraph' && /Halland/.test(b.text) && (/%/.test(b.text) || b.text.startsWith(t('hallandAllTo', { region: '' }).split(' ')[0]!)));
  let hallandSodraShare: string | undefined;
  if (halland) {
    const percent = /(\d+(?:[.,]\d+)?)\s?%/.exec(halland.text.replace(/\u00a0/g, ' '));
    if (percent) hallandSodraShare = `${percent[1]} %`;
    else hallandSodraShare = halland.text.includes(healthcareRegionName('sodra', model.language)) ? '100 %' : '0 %';
  }

  // The recruitment text and chart are computed from the low, point and high of the regions whose counts give a
  // site its rate (a site given as a share of its region). A site with a rate of its own is forecast from that
  // rate alone: its region's count gives only the warnings beside the plan, which the letter does not print.
  const derived: DerivedFigures[] = [];
  const recruiting = model.body.some((b) => b.kind === 'heading' && b.text === t('recruitmentTitle'));
  const drawn = model.body.some((b) => b.kind === 'svg' && b.caption === t('chartCaption'));
  if (recruiting && drawn) {
    const regions = [...new Set(snapshot.answer.projection.sites.filter(rateFromRegion).map((s) => s.region))];
    derived.push({
      id: 'recruitment',
      name: { sv: 'Rekryteringstexten och rekryteringsdiagrammet', en: 'The recruitment text and chart' },
      from: regions.flatMap((r) => (['low', 'point', 'high'] as const).map((component) => ({ figure: `region:${r}`, component }))),
    });
  }
  return { kind: 'letter', policy, figures, shares, ...(hallandSodraShare ? { hallandSodraShare } : {}), derived };
}
