/**
 * Folding of labels that people and exports spell many ways ("Skåne län", "SKANE  LAN", "Skåne\u00a0län"):
 * lower case, diacritics removed, every kind of space (NBSP, narrow NBSP, tabs) collapsed to one ASCII
 * space, ends trimmed. Used for matching only; the original text is what users see.
 */
export function foldText(raw: string): string {
  return raw
    .normalize('NFKD')
    // Combining marks left by NFKD (å → a + ring) carry the diacritics.
    .replace(/[\u0300-\u036f]/g, '')
    // Soft hyphens are invisible: a label with one matches the label without it.
    .replace(/\u00ad/g, '')
    .replace(/[\s\u00a0\u2007\u202f\ufeff]+/g, ' ')
    .trim()
    .toLowerCase();
}
