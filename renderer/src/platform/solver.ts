// Where the disclosure auditor's solver (HiGHS compiled to WebAssembly) is: a file the build emits beside the app,
// loaded from the app's own origin (app://antal or the web build's), so it works offline and under the CSP. Only the
// location is imported here: the solver and the audit code load with the first audit, not with the first screen.
import wasmUrl from 'highs/runtime?url';
import { locateDisclosureSolver } from '../../../shared/disclosure-audit/location';

export function locateSolver(): void {
  locateDisclosureSolver({ locateFile: (file) => (file.endsWith('.wasm') ? wasmUrl : file) });
}
