// The forecast's time to the target in words. The exact forecast searches 240 months (20 years): a median or an
// interval end beyond that is said in words, never as "20 år månader" (a sentence with a unit after a phrase).
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { timeToTargetText } from '../../../renderer/src/forecast/ForecastSection';
import { en } from '../../../renderer/src/i18n/en';
import { sv } from '../../../renderer/src/i18n/sv';

async function translators() {
  const i18n = i18next.createInstance();
  await i18n.init({ resources: { sv: { translation: sv }, en: { translation: en } }, lng: 'sv', interpolation: { escapeValue: false } });
  return { sv: i18n.getFixedT('sv'), en: i18n.getFixedT('en') };
}

describe('time to target', () => {
  it('says a median and its 80 % interval in months, or in words what is not reached within 20 years', async () => {
    const t = await translators();
    const reached = { medianMonthsToTarget: 10.25, monthsToTarget80: { low: 8, high: 13.5 } };
    expect(timeToTargetText(reached, t.sv, 'sv')).toBe('Tid till målet: median 10,3 månader (80 %-intervall 8–13,5)');
    expect(timeToTargetText(reached, t.en, 'en')).toBe('Time to target: median 10.3 months (80% interval 8–13.5)');
    const open = { medianMonthsToTarget: 150, monthsToTarget80: { low: 90, high: null } };
    expect(timeToTargetText(open, t.sv, 'sv')).toBe('Tid till målet: median 150 månader (80 %-intervall från 90 månader; den övre gränsen nås inte inom 20 år)');
    const never = { medianMonthsToTarget: null, monthsToTarget80: { low: null, high: null } };
    expect(timeToTargetText(never, t.sv, 'sv')).toBe('Tid till målet: nås inte inom 20 år (medianen).');
    expect(timeToTargetText(never, t.en, 'en')).toBe('Time to target: not reached within 20 years (the median).');
    for (const text of [timeToTargetText(never, t.sv, 'sv'), timeToTargetText(open, t.sv, 'sv')]) expect(text).not.toMatch(/år månader|NaN|null/);
  });
});
