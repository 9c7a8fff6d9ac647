/**
 * A fingerprint of a source's layout (normalised header names + delimiter), so that a mapping the user
 * corrected once can be offered again the next time a file from the same source is imported. Values and
 * row counts are left out on purpose: next month's export of the same table has the same signature.
 */
import { foldText } from '../utils/text';
import { sha256Hex } from '../utils/sha256';

export function sourceSignature(headers: readonly string[], delimiter: string): string {
  const normalised = headers.map((h) => foldText(h)).join('\u001f');
  return sha256Hex(`antal-source-v1\u001e${delimiter}\u001e${normalised}`);
}
