/**
 * The disclosed table as the sponsor view and the CSV show it: every figure's three printed texts, the attrition
 * percentages and the Halland split. Read from the texts only, never from how they were chosen.
 */
import type { DisclosurePolicy } from '../disclosure/policy';
import type { DisclosedAnswer } from '../disclosure/types';
import type { AnswerStructure, OutputKind, PrintedFigure, PrintedOutput, PrintedShare } from './types';

/** The shape of the answer every reader knows: the attrition steps in printed order. */
export function answerStructure(disclosed: Pick<DisclosedAnswer, 'attrition'>): AnswerStructure {
  return { attrition: disclosed.attrition.map((s) => ({ stepId: s.stepId, label: s.label, enabled: s.enabled, removesOnly: s.removesOnly })) };
}

/** Shares as the screen prints them (formatted by the caller), keyed like the letter's. */
export function tablePrint(disclosed: DisclosedAnswer, policy: DisclosurePolicy, kind: OutputKind, options: { shares?: PrintedShare[]; hallandText?: string } = {}): PrintedOutput {
  const figures: PrintedFigure[] = [...disclosed.regions, ...disclosed.healthcareRegions, disclosed.national, ...disclosed.attrition.map((s) => s.figure)].map((f) => ({
    figure: f.id,
    texts: { ...f.texts },
  }));
  if (disclosed.unknownRegion) figures.push({ figure: 'unknown-region', texts: { ...disclosed.unknownRegion.texts } });
  if (disclosed.nationalPublished) figures.push({ figure: 'national-published', texts: { ...disclosed.nationalPublished.texts } });
  return { kind, policy, figures, shares: options.shares ?? [], hallandSodraShare: options.hallandText ?? `${disclosed.hallandSodraPercent} %` };
}
