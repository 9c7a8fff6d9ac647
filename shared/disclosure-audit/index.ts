/**
 * The exact disclosure auditor (public API). It reads what the outputs of one answer print — the letter, the
 * answer file, the compiled answer, the sponsor view, the CSV, and the charts and texts derived from figures —
 * and decides, by mixed-integer programming, whether a reader who combines all of it with every relation they
 * know can narrow any hidden value into a protected range. It shares no code with the discloser
 * (shared/disclosure), which it checks.
 *
 *   const auditor = await loadDisclosureAuditor();         // once per process or worker (loads HiGHS)
 *   const result = auditor.audit({ policy, structure, outputs });
 *   if (!result.ok) refuse the export, showing result.findings[i].message.sv / .en
 */
import highsLoader, { type Highs } from 'highs';
import { runAudit } from './audit';
import { solverLocation } from './location';
import type { AuditInput, AuditOptions, AuditResult } from './types';

export type * from './types';
export { AUDIT_COMPONENTS } from './types';

export interface DisclosureAuditor {
  audit(input: AuditInput, options?: AuditOptions): AuditResult;
}

export { locateDisclosureSolver, type SolverLocation } from './location';

export function createDisclosureAuditor(highs: Highs): DisclosureAuditor {
  return { audit: (input, options) => runAudit(highs, input, options) };
}

let loading: { promise: Promise<DisclosureAuditor>; generation: number } | null = null;

/** The auditor, loading the solver on first use (about 3.5 MB of WebAssembly, compiled once per process or worker). */
export function loadDisclosureAuditor(): Promise<DisclosureAuditor> {
  const { where, generation } = solverLocation();
  if (loading?.generation === generation) return loading.promise;
  const promise = highsLoader({ ...where }).then(createDisclosureAuditor, (error: unknown) => {
    if (loading?.promise === promise) loading = null;
    throw error;
  });
  loading = { promise, generation };
  return promise;
}

/**
 * Starts loading the solver and compiling its WebAssembly now, while the user works, so the first audit (the first
 * letter) does not wait for it. A failure is not reported here: the audit that needs the solver tries again and says why.
 */
export function warmDisclosureAuditor(): void {
  loadDisclosureAuditor().catch(() => undefined);
}
export { answerStructure, tablePrint } from './table-print';
