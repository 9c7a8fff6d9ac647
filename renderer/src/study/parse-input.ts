// Parsing what a person types into number fields: decimal comma or point, spaces as thousands separators.

/** "12,5" / "12.5" / " 1 234 " → number; anything else → null (never NaN, never a silent 0). */
export function parseDecimalInput(text: string): number | null {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(compact)) return null;
  return Number(compact);
}

/** A whole number ≥ 0, or null. */
export function parseWholeNumberInput(text: string): number | null {
  const value = parseDecimalInput(text);
  return value !== null && Number.isInteger(value) && value >= 0 ? value : null;
}

/** A percentage 0–100 as typed ("12,5") → a share 0..1, or null. */
export function parsePercentInput(text: string): number | null {
  const value = parseDecimalInput(text.replace('%', ''));
  return value !== null && value >= 0 && value <= 100 ? value / 100 : null;
}
