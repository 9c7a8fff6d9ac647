/** Building the auditor's input by hand: what each output prints, figure by figure. */
import { loadDisclosureAuditor, type AuditComponent, type DisclosureAuditor, type PrintedFigure, type PrintedOutput } from '../../../shared/disclosure-audit';
import type { DisclosurePolicy } from '../../../shared/disclosure';

let auditor: Promise<DisclosureAuditor> | null = null;
export const theAuditor = () => (auditor ??= loadDisclosureAuditor());

/** "region:06" → { point: "<5" } style shorthand: [figure, low, point, high] (undefined = not printed). */
export function printed(...rows: [string, string | undefined, string | undefined, string | undefined][]): PrintedFigure[] {
  return rows.map(([figure, low, point, high]) => {
    const texts: Partial<Record<AuditComponent, string>> = {};
    if (low !== undefined) texts.low = low;
    if (point !== undefined) texts.point = point;
    if (high !== undefined) texts.high = high;
    return { figure, texts };
  });
}

export function output(kind: PrintedOutput['kind'], policy: DisclosurePolicy, figures: PrintedFigure[], extra: Partial<PrintedOutput> = {}): PrintedOutput {
  return { kind, policy, figures, ...extra };
}
