// The Halland rule chosen in Settings: how Halland's patients are split between Södra and Västra.
import { DEFAULT_HALLAND_RULE, type HallandRule } from '../../../shared/regions/regions';
import { appendAudit, auditTables } from '../db/audit';
import { type AntalDatabase, getSetting, putSetting } from '../db/database';

export const HALLAND_RULE_KEY = 'hallandRule';

export type HallandChoice = 'population-split' | 'sodra' | 'vastra';

export function hallandRuleFor(choice: HallandChoice): HallandRule {
  return choice === 'population-split' ? DEFAULT_HALLAND_RULE : { kind: 'all-to', healthcareRegion: choice };
}

export function hallandChoiceOf(rule: HallandRule): HallandChoice {
  return rule.kind === 'population-split' ? 'population-split' : rule.healthcareRegion;
}

export async function loadHallandRule(db: AntalDatabase): Promise<HallandRule> {
  const choice = await getSetting<HallandChoice>(db, HALLAND_RULE_KEY);
  return choice === 'sodra' || choice === 'vastra' ? hallandRuleFor(choice) : DEFAULT_HALLAND_RULE;
}

/** Stores the choice and records the change in the audit trail (one transaction). */
export async function saveHallandChoice(db: AntalDatabase, choice: HallandChoice): Promise<void> {
  await db.transaction('rw', auditTables(db), async () => {
    await putSetting(db, HALLAND_RULE_KEY, choice);
    await appendAudit(db, { kind: 'settings', summary: `Halland rule set to ${choice}`, details: { key: HALLAND_RULE_KEY, value: choice } });
  });
}
