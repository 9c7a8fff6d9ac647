/**
 * A file's bytes → datasets, reading every row once: the layout is detected on the first rows (as the
 * preview shows them), then the whole file is streamed piece by piece (ordinary rows split on the bytes,
 * the rest by PapaParse) and each row is normalised straight into typed-array columns. Errors are collected over the whole file; any error
 * refuses the import (ImportRefusedError listing them all) and nothing is returned. Progress is reported
 * after each piece; cancelling (an AbortSignal) stops between pieces with ImportCancelledError and leaves
 * nothing behind, since nothing is stored until the caller stores the result.
 *
 * Measured on 1 000 000 rows (50 MB): see tests/bench/bench-import.ts.
 */
import { analyseFile, type AnalyseOptions, type ImportFile, type ImportPreview } from './analyse-file';
import { assembleImport, refuseOnErrors, type BuildMeta, type ImportResult } from './build-dataset';
import type { ImportMapping } from './import-mapping';
import { readAllRows, type PassOptions } from './import-pass';
import { sha256OfBytes } from './file-digest';
import { ImportCancelledError, ImportRefusedError, type ImportProblem } from './problems';

export interface ImportFileOptions extends AnalyseOptions, PassOptions {}

export interface ImportFileResult extends ImportResult {
  /** The file's warnings (an import with errors is refused instead), in the preview's order. */
  problems: ImportProblem[];
  /** Data rows read (excluded lines not counted). */
  rows: number;
  /** The preview of the first rows the layout was detected on (its sample, not the whole file). */
  preview: ImportPreview;
}

/** Rows the layout is detected on before the whole file is read. */
export const IMPORT_DETECTION_ROWS = 2000;

/**
 * Import a file. `mapping`: the user's confirmed mapping, or undefined for the proposed one. Options are
 * the preview's (encoding, dialect, sheet, token meanings, excluded lines) plus progress (0..1, never
 * decreasing, 1 at the end), cancellation and `yieldControl` (awaited between pieces, so that a worker can
 * receive a cancel message).
 */
export async function importFile(file: ImportFile, mapping: ImportMapping | undefined, meta: BuildMeta, options: ImportFileOptions = {}): Promise<ImportFileResult> {
  const { onProgress, signal, yieldControl } = options;
  const cancelled = (): void => {
    if (signal?.aborted) throw new ImportCancelledError();
  };
  cancelled();
  const digest = meta.sha256 === undefined ? sha256OfBytes(file.bytes) : Promise.resolve(meta.sha256);

  const preview = await analyseFile(file, {
    ...options,
    previewRows: options.previewRows ?? IMPORT_DETECTION_ROWS,
    onProgress: undefined,
    yieldControl: undefined,
  });
  cancelled();
  if (preview.table.width === 0) {
    // Nothing that could become a dataset: empty, binary, unreadable, personal identity numbers, no table.
    throw new ImportRefusedError(preview.errors, preview.warnings);
  }
  // Hashed while the first rows were analysed, and awaited before the columns fill up: the platform's digest
  // works on a copy of the bytes, which Node releases in a later turn of the event loop. The pass below
  // runs without giving the loop a turn, so one is given here; otherwise the copy (as large as the file)
  // would stay until the end, where memory peaks.
  const sha256 = await digest;
  await nextTurn();
  cancelled();
  const chosen = mapping ?? preview.mapping;
  const rows = readAllRows(preview, chosen, options);
  let last = 0;
  for (let step = rows.next(); ; step = rows.next()) {
    if (step.done) {
      const pass = step.value;
      cancelled();
      refuseOnErrors(pass, chosen);
      const result = assembleImport(preview, chosen, meta, pass, sha256);
      cancelled();
      onProgress?.(1);
      const problems = [...pass.fileProblems, ...pass.interpretation.problems].filter((p) => p.severity === 'warning');
      return { ...result, problems, rows: pass.interpretation.rows, preview };
    }
    // Reading is 99% of the work; the last percent is assembling the datasets.
    const done = Math.min(0.99, step.value * 0.99);
    if (done > last) {
      last = done;
      onProgress?.(done);
    }
    if (yieldControl) await yieldControl();
    cancelled();
  }
}

/** A turn of the platform's event loop (a zero timeout: browsers, workers, Node and Electron all have it). */
function nextTurn(): Promise<void> {
  const setTimer = (globalThis as { setTimeout?: (callback: () => void, ms: number) => unknown }).setTimeout;
  return setTimer ? new Promise((resolve) => setTimer(resolve, 0)) : Promise.resolve();
}
