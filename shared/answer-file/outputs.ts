/**
 * Every output of one answer, as one reader may hold them all: the disclosed table as the sponsor view and the CSV
 * show it, the answer file for every region, a compilation of that file, and whatever the caller adds (the letter
 * as printed, the recruitment chart). All of them come from the one disclosed table, so together they must say no
 * more than the letter alone; the auditor checks that they do not.
 */
import type { DisclosedAnswer, DisclosurePolicy } from '../disclosure';
import { answerStructure, tablePrint, type AuditInput, type PrintedOutput, type PrintedShare } from '../disclosure-audit';
import { COUNTY_CODES, type HallandRule } from '../regions/regions';
import { compiledPrint, compileTable } from './compile';
import { answerFilePrint, answerFileRegions } from './print';

/** The attrition percentages as the sponsor view prints them (one decimal), from the disclosed shares. */
export function disclosedShares(disclosed: DisclosedAnswer): PrintedShare[] {
  const shares: PrintedShare[] = [];
  const base = disclosed.attrition[0];
  let previous = base;
  const percent = (x: number) => `${(x * 100).toFixed(1)}%`;
  for (const step of disclosed.attrition.slice(1)) {
    if (base && step.remainingShare !== null) shares.push({ kind: 'remaining', figure: step.figure.id, of: base.figure.id, text: percent(step.remainingShare) });
    if (previous && step.enabled && step.lostShare !== null) shares.push({ kind: 'lost', figure: step.figure.id, of: previous.figure.id, text: percent(step.lostShare) });
    if (step.enabled) previous = step;
  }
  return shares;
}

/** The Halland rule the disclosed table was split by (its printed percentage). */
export function printedHallandRule(disclosed: DisclosedAnswer): HallandRule {
  if (disclosed.hallandSodraPercent === 100) return { kind: 'all-to', healthcareRegion: 'sodra' };
  if (disclosed.hallandSodraPercent === 0) return { kind: 'all-to', healthcareRegion: 'vastra' };
  return { kind: 'population-split', sodraShare: disclosed.hallandSodraPercent / 100 };
}

/** The auditor's input for one answer: its table, answer file, compiled answer, and `more` (e.g. the letter). */
export function answerOutputs(disclosed: DisclosedAnswer, policy: DisclosurePolicy, more: PrintedOutput[] = []): AuditInput {
  const regions = answerFileRegions(disclosed, COUNTY_CODES);
  const compiled = compileTable([{ unit: 'unit', regions }], policy, printedHallandRule(disclosed));
  return {
    policy,
    structure: answerStructure(disclosed),
    outputs: [tablePrint(disclosed, policy, 'sponsor-view', { shares: disclosedShares(disclosed) }), ...more, answerFilePrint({ policy, regions }), compiledPrint({ ...compiled, policy })],
  };
}
