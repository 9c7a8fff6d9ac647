// Small hand-made exports for the import tests of the renderer (database commit, presets, CSV export).
import { analyseFile, buildDataset, type BuildMeta, type ImportPreview, type ImportResult } from '../../../shared/import';

/** Windows-1252 bytes of a text that only uses Latin-1 characters (as Excel's "CSV (semikolonavgränsad)" writes). */
export function windows1252(text: string): Uint8Array {
  return Uint8Array.from([...text], (ch) => {
    const code = ch.codePointAt(0)!;
    if (code > 0xff) throw new Error(`not Latin-1: ${ch}`);
    return code;
  });
}

/** A month of a register's export: title line, ";" with decimal comma, an "X", a Riket row and a footer. */
export function monthlyExport(month: string, stockholm: number): string {
  return [
    `Antal patienter med diagnos C18 per region, ${month}`,
    '',
    'Region;Period;Antal patienter;Antal vårdtillfällen;Per 100 000 invånare',
    `Stockholms län;${month};${stockholm};${stockholm * 2};12,5`,
    `Skåne län;${month};X;7;0,4`,
    `Uppsala län;${month};56;80;14,6`,
    `Riket;${month};1 400;2 900;13,1`,
    '',
    'Källa: Testregistret',
    '',
  ].join('\r\n');
}

export async function analyseExport(text: string, name = 'register_2021-03.csv'): Promise<ImportPreview> {
  return analyseFile({ name, bytes: windows1252(text) });
}

export const META: BuildMeta = { publisher: 'Testregistret', name: 'Register', basis: { kind: 'incident', regionBasis: 'residence' } };

export async function importedExport(text = monthlyExport('2021-03', 1234)): Promise<{ preview: ImportPreview; result: ImportResult }> {
  const preview = await analyseExport(text);
  return { preview, result: buildDataset(preview, preview.mapping, META) };
}

export { deleteDatabases, freshDb } from '../db/test-databases';
