// The disclosure policy and the sponsor-view switch in the settings table, and the helpers the answer page uses.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { DISCLOSURE_POLICY_SETTING_KEY, DISCLOSURE_PRESETS, StoredPolicyError, customPolicyFrom, discloseAnswer } from '../../../shared/disclosure';
import { runDemo } from '../../../shared/demo/run-demo';
import { AntalDatabase, getSetting, putSetting } from '../../../renderer/src/db/database';
import { deleteDatabases, freshDb as freshTestDb } from '../db/test-databases';
import {
  loadDisclosurePolicy,
  loadSponsorView,
  saveDisclosurePolicy,
  saveSponsorView,
} from '../../../renderer/src/settings/disclosure-policy';
import { bandsText, parseBandsText } from '../../../renderer/src/disclosure/bands-text';
import { attritionTexts, compareForChart, figureTexts } from '../../../renderer/src/disclosure/display';
import { svT } from '../i18n/translators';

afterEach(deleteDatabases);
const freshDb = (): AntalDatabase => freshTestDb('disclosure');

describe('disclosure settings', () => {
  it('default to OHDSI k = 5 with the sponsor view off', async () => {
    const db = freshDb();
    expect(await loadDisclosurePolicy(db)).toEqual(DISCLOSURE_PRESETS.ohdsi);
    expect(await loadSponsorView(db)).toBe(false);
  });

  it('store the whole policy (the letter reads the same key) and read it back', async () => {
    const db = freshDb();
    await saveDisclosurePolicy(db, DISCLOSURE_PRESETS['pcornet-act'], svT);
    expect(await getSetting(db, DISCLOSURE_POLICY_SETTING_KEY)).toEqual(DISCLOSURE_PRESETS['pcornet-act']);
    expect(await loadDisclosurePolicy(db)).toEqual(DISCLOSURE_PRESETS['pcornet-act']);
    const custom = { ...customPolicyFrom(DISCLOSURE_PRESETS.ohdsi), name: 'Enhetens policy', threshold: 15, rounding: 5 };
    await saveDisclosurePolicy(db, custom, svT);
    expect(await loadDisclosurePolicy(db)).toEqual(custom);
    await saveSponsorView(db, true);
    expect(await loadSponsorView(db)).toBe(true);
  });

  it('refuse to store an invalid policy, and refuse to read a broken stored one instead of silently using the default', async () => {
    const db = freshDb();
    await expect(saveDisclosurePolicy(db, { ...customPolicyFrom(DISCLOSURE_PRESETS.ohdsi), threshold: 1 }, svT)).rejects.toThrow('threshold k must be a whole number from 2 to 1000 (got 1)');
    expect(await getSetting(db, DISCLOSURE_POLICY_SETTING_KEY)).toBeUndefined();
    await putSetting(db, DISCLOSURE_POLICY_SETTING_KEY, { id: 'custom', name: 'x', threshold: 'five' });
    await expect(loadDisclosurePolicy(db)).rejects.toThrow(StoredPolicyError);
    await expect(loadDisclosurePolicy(db)).rejects.toThrow(/threshold/);
    await putSetting(db, DISCLOSURE_POLICY_SETTING_KEY, { ...customPolicyFrom(DISCLOSURE_PRESETS.ohdsi), threshold: 1 });
    await expect(loadDisclosurePolicy(db)).rejects.toThrow(/threshold k must be a whole number from 2 to 1000 \(got 1\)/);
  });
});

describe('bands typed as text', () => {
  it('read "1–4, 5–9" with either dash and reject anything else', () => {
    expect(parseBandsText('1–4, 5-9; 10 – 19')).toEqual([
      { from: 1, to: 4 },
      { from: 5, to: 9 },
      { from: 10, to: 19 },
    ]);
    expect(parseBandsText('1–4, fem')).toBeNull();
    expect(bandsText([{ from: 1, to: 4 }, { from: 5, to: 9 }])).toBe('1–4, 5–9');
  });
});

describe('answer-page texts', () => {
  const { estimate } = runDemo();
  const policy = { ...customPolicyFrom(DISCLOSURE_PRESETS.ohdsi), threshold: 15 };
  const disclosed = discloseAnswer(estimate, policy, { formatNumber: (n) => new Intl.NumberFormat('sv-SE').format(n) });

  it('show exact figures when off and the disclosed texts when on', () => {
    const gotland = estimate.regions.findIndex((r) => r.region === '09');
    expect(figureTexts(estimate.regions[gotland]!.eligible, null, 'sv').point).toBe('11');
    expect(figureTexts(estimate.regions[gotland]!.eligible, disclosed.regions[gotland], 'sv')).toMatchObject({ point: '<15', suppressed: 'primary' });
    // The demo's printed national figure (1 181 before published category totals counted: the exact C18 total now
    // stands for its masked leaves, 1 194 instead of 1 181 unrounded), as the letter prints it.
    expect(figureTexts(estimate.national, disclosed.national, 'sv').point).toBe('1\u00a0197');
  });

  it('sort the chart by printed numbers only: small regions after every printed one, hidden ones last', () => {
    const rows = estimate.regions.map((r, i) => ({ label: r.region, interval: r.eligible, disclosed: disclosed.regions[i] }));
    const sorted = [...rows].sort(compareForChart);
    const kinds = sorted.map((r) => r.disclosed!.point.kind);
    expect(kinds).toContain('small');
    expect(kinds).toEqual([...kinds].sort((a, b) => ['shown', 'small', 'hidden'].indexOf(a) - ['shown', 'small', 'hidden'].indexOf(b)));
    const printed = sorted.filter((r) => r.disclosed!.point.kind === 'shown').map((r) => r.disclosed!.point.value!);
    expect(printed).toEqual([...printed].sort((a, b) => b - a));
  });

  it('take attrition percentages from printed numbers only', () => {
    const step = estimate.attrition[1]!;
    const texts = attritionTexts(step, disclosed.attrition[1], policy.secondaryText, 'sv');
    expect(texts.point).toBe(disclosed.attrition[1]!.figure.text);
    const hidden = attritionTexts(step, { ...disclosed.attrition[1]!, remainingShare: null, lostShare: null }, '..', 'sv');
    expect([hidden.remaining, hidden.lost]).toEqual(['..', '..']);
  });
});
