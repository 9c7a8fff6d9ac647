/** Messages between the page and the import worker. Every request carries an id; answers name it. */
import type { AnalyseOptions, BuildMeta, ImportMapping, ImportProblem, ImportResult } from '../../../shared/import';
import type { PreviewView } from './preview-view';

export type ReadOptions = Pick<AnalyseOptions, 'encoding' | 'dialect' | 'sheet'>;

export type WorkerRequest =
  /** Read the file (given the first time; later the worker re-reads the bytes it kept) and propose a mapping. */
  | { type: 'analyse'; id: number; file?: { name: string; bytes: Uint8Array }; options: ReadOptions }
  /** Re-interpret the parsed table with a mapping the user changed. */
  | { type: 'remap'; id: number; mapping: ImportMapping }
  /** Build the datasets with the confirmed mapping. */
  | { type: 'build'; id: number; mapping: ImportMapping; meta: BuildMeta };

export type ProgressStage = 'decode' | 'parse' | 'interpret' | 'build';

export type WorkerResponse =
  | { type: 'progress'; id: number; stage: ProgressStage; fraction: number }
  | { type: 'preview'; id: number; view: PreviewView }
  | { type: 'built'; id: number; result: ImportResult }
  | { type: 'refused'; id: number; errors: ImportProblem[]; errorCount: number }
  | { type: 'failed'; id: number; message: string };
