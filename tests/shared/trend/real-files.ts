// The real ADHD and SCB exports the trend and rate tests read in place (never copied), and how they are imported.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { analyseFile } from '../../../shared/import/analyse-file';
import { buildDataset } from '../../../shared/import/build-dataset';

export const REAL = path.resolve(__dirname, '../../../../shared/fixtures/real');
export const ADHD = path.join(REAL, 'socialstyrelsen_2022-02-18.csv');
export const SCB = path.join(REAL, 'BE0101N1_20230704-171432.csv');
/** Both files are there: otherwise the tests that read them show as skipped. */
export const present = existsSync(ADHD) && existsSync(SCB);

export async function load(file: string) {
  const preview = await analyseFile({ name: path.basename(file), bytes: new Uint8Array(readFileSync(file)) });
  return buildDataset(preview, preview.mapping, { publisher: 'test' });
}
