import { analyseFile, type AnalyseOptions, type ImportPreview } from '../../../shared/import/analyse-file';

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

export function analyseText(text: string, options: AnalyseOptions = {}, name = 'test.csv'): Promise<ImportPreview> {
  return analyseFile({ name, bytes: utf8(text) }, options);
}

export const codes = (p: ImportPreview, severity: 'errors' | 'warnings' = 'errors'): string[] => p[severity].map((e) => e.code);
