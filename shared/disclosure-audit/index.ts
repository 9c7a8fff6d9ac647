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
import type { AuditInput, AuditOptions, AuditResult } from './types';

export type * from './types';
export { AUDIT_COMPONENTS } from './types';

export interface DisclosureAuditor {
  audit(input: AuditInput, options?: AuditOptions): AuditResult;
}

/** How the WebAssembly solver is found: the browser build gives its asset URL; Node finds it beside the package. */
export interface SolverLocation {
  locateFile?: (file: string) => string;
  wasmBinary?: ArrayBuffer | ArrayBufferView;
}

export function createDisclosureAuditor(highs: Highs): DisclosureAuditor {
  return { audit: (input, options) => runAudit(highs, input, options) };
}

let location: SolverLocation = {};
let loading: Promise<DisclosureAuditor> | null = null;

/** Where the solver's .wasm is (call before the first audit in a browser or worker). */
export function locateDisclosureSolver(where: SolverLocation): void {
  location = where;
  loading = null;
}

/** The auditor, loading the solver on first use (about 3.5 MB of WebAssembly, compiled once per process or worker). */
export function loadDisclosureAuditor(): Promise<DisclosureAuditor> {
  loading ??= highsLoader({ ...location }).then(createDisclosureAuditor, (error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}
export { answerStructure, tablePrint } from './table-print';
