// The Halland rule chosen in Settings: how Halland's patients are split between Södra and Västra.
import { DEFAULT_HALLAND_RULE, type HallandRule } from '../../../shared/regions/regions';
import type { AntalDatabase } from '../db/database';
import { defineSetting, lenient, loadSetting, saveSetting, type AuditSay } from './setting';

export type HallandChoice = 'population-split' | 'sodra' | 'vastra';

/** The words Settings shows for each choice, which the audit entry repeats. */
const CHOICE_TEXT: Record<HallandChoice, string> = { 'population-split': 'settings.hallandSplit', sodra: 'settings.hallandSodra', vastra: 'settings.hallandVastra' };

const isHallandChoice = (value: unknown): value is HallandChoice => value === 'population-split' || value === 'sodra' || value === 'vastra';

/**
 * Lenient: an unknown stored choice reads as the population split, the rule the estimate uses by default and the one
 * Settings then shows as chosen.
 */
export const HALLAND_RULE_SETTING = defineSetting<HallandChoice>({
  key: 'hallandRule',
  rule: 'lenient',
  fallback: 'population-split',
  read: lenient<HallandChoice>('population-split', isHallandChoice),
  audit: (choice, _before, say) => ({ kind: 'settings', summary: say('settings.audit.halland', { choice: say(CHOICE_TEXT[choice]) }), details: { key: 'hallandRule', value: choice } }),
});

export const HALLAND_RULE_KEY = HALLAND_RULE_SETTING.key;

export function hallandRuleFor(choice: HallandChoice): HallandRule {
  return choice === 'population-split' ? DEFAULT_HALLAND_RULE : { kind: 'all-to', healthcareRegion: choice };
}

export function hallandChoiceOf(rule: HallandRule): HallandChoice {
  return rule.kind === 'population-split' ? 'population-split' : rule.healthcareRegion;
}

export async function loadHallandRule(db: AntalDatabase): Promise<HallandRule> {
  return hallandRuleFor(await loadSetting(db, HALLAND_RULE_SETTING));
}

/** Stores the choice and records the change in the audit trail (one transaction). */
export function saveHallandChoice(db: AntalDatabase, choice: HallandChoice, say: AuditSay): Promise<void> {
  return saveSetting(db, HALLAND_RULE_SETTING, choice, say);
}
