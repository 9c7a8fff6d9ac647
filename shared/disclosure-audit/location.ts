/**
 * Where the WebAssembly solver is found. Its own module, free of the solver and the audit code, so an app can say
 * where the solver is at start without loading either: the auditor itself is loaded when first used.
 */

/** How the WebAssembly solver is found: the browser build gives its asset URL; Node finds it beside the package. */
export interface SolverLocation {
  locateFile?: (file: string) => string;
  wasmBinary?: ArrayBuffer | ArrayBufferView;
}

let location: SolverLocation = {};
let generation = 0;

/** Where the solver's .wasm is (call before the first audit in a browser or worker). */
export function locateDisclosureSolver(where: SolverLocation): void {
  location = where;
  generation += 1;
}

/** The location last given, and a number that changes with every new location (a loaded solver is reused only while it stays the same). */
export function solverLocation(): { where: SolverLocation; generation: number } {
  return { where: location, generation };
}
