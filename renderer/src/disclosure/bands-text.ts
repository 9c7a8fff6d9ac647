// Bands typed as text in Settings ("1–4, 5–9, 10–19") and back.
import type { CountBand } from '../../../shared/disclosure';

/** The bands in a text, or null when some part is not "from–to" with whole numbers. */
export function parseBandsText(text: string): CountBand[] | null {
  const parts = text
    .split(/[,;]/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const bands: CountBand[] = [];
  for (const part of parts) {
    const match = /^(\d+)\s*[–—-]\s*(\d+)$/.exec(part);
    if (!match) return null;
    bands.push({ from: Number(match[1]), to: Number(match[2]) });
  }
  return bands;
}

export function bandsText(bands: readonly CountBand[]): string {
  return bands.map((b) => `${b.from}–${b.to}`).join(', ');
}
