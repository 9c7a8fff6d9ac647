/**
 * `--halland RULE` of `antal estimate`: how Halland's patients are split between the Södra and Västra
 * healthcare regions, with the same choices as the app's Settings:
 *   split         by the municipalities' population (the default, ≈ 41,6 % to Södra)
 *   split=SHARE   a given share to Södra, as a fraction (0.6) or a percentage (60%), decimal comma allowed
 *   sodra         all of Halland to Södra
 *   vastra        all of Halland to Västra
 */
import { DEFAULT_HALLAND_RULE, type HallandRule } from '../../shared/regions/regions';

export const HALLAND_OPTION_HELP = '--halland split|split=SHARE|sodra|vastra';

export class HallandOptionError extends Error {}

export function parseHallandOption(text: string): HallandRule {
  const value = text.trim().toLowerCase();
  if (value === 'split') return DEFAULT_HALLAND_RULE;
  if (value === 'sodra' || value === 'södra') return { kind: 'all-to', healthcareRegion: 'sodra' };
  if (value === 'vastra' || value === 'västra') return { kind: 'all-to', healthcareRegion: 'vastra' };
  const share = /^split=(\d+(?:[.,]\d+)?)(%?)$/.exec(value);
  if (share) {
    const number = Number(share[1]!.replace(',', '.'));
    const fraction = share[2] === '%' ? number / 100 : number;
    if (fraction >= 0 && fraction <= 1) return { kind: 'population-split', sodraShare: fraction };
  }
  throw new HallandOptionError(`${HALLAND_OPTION_HELP} expected (SHARE: Södra's share, 0–1 or 0–100 %), got "${text}"`);
}
