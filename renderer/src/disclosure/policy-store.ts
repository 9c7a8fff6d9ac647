// Where the disclosure policy and the sponsor-view switch live: the Dexie `settings` table.
import { DISCLOSURE_POLICY_SETTING_KEY, policyFromSetting, validateDisclosurePolicy, type DisclosurePolicy } from '../../../shared/disclosure';
import { appendAudit, auditTables } from '../db/audit';
import { type AntalDatabase, getSetting, putSetting } from '../db/database';

export const SPONSOR_VIEW_KEY = 'disclosureSponsorView';

/**
 * The stored policy: the whole policy object as it was chosen (a preset or a custom one), so that the letter, the
 * answer file, the method page and the screen apply the very same name, version and rules. Nothing stored: the
 * default (OHDSI k = 5). Something unusable (edited by hand, an older format) throws StoredPolicyError naming the
 * problem — everywhere, so no output goes out under a policy the unit did not choose.
 */
export async function loadDisclosurePolicy(db: AntalDatabase): Promise<DisclosurePolicy> {
  return policyFromSetting(await getSetting<unknown>(db, DISCLOSURE_POLICY_SETTING_KEY));
}

/** Stores a policy; refuses (throws) an invalid one, so what is stored is always usable. */
export async function saveDisclosurePolicy(db: AntalDatabase, policy: DisclosurePolicy): Promise<void> {
  const problems = validateDisclosurePolicy(policy);
  if (problems.length > 0) throw new Error(problems.map((p) => p.message).join(' '));
  await db.transaction('rw', auditTables(db), async () => {
    await putSetting(db, DISCLOSURE_POLICY_SETTING_KEY, policy);
    await appendAudit(db, {
      kind: 'policy',
      summary: `Disclosure policy set to ${policy.name}, version ${policy.version} (k = ${policy.threshold})`,
      details: { key: DISCLOSURE_POLICY_SETTING_KEY, id: policy.id, name: policy.name, version: policy.version, threshold: policy.threshold, rounding: policy.rounding, secondary: policy.secondary },
    });
  });
}

export async function loadSponsorView(db: AntalDatabase): Promise<boolean> {
  return (await getSetting<boolean>(db, SPONSOR_VIEW_KEY)) === true;
}

export async function saveSponsorView(db: AntalDatabase, on: boolean): Promise<void> {
  await putSetting(db, SPONSOR_VIEW_KEY, on);
}
