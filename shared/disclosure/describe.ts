/**
 * The policy in words, for the letter's method section and the settings screen (Swedish or English). It states
 * the rule for intervals too: a letter's reader must know how to read "<5–28".
 */
import type { DisclosurePolicy } from './policy';
import type { Language } from '../text/language';

function smallText(policy: DisclosurePolicy, language: Language): string {
  const k = policy.threshold;
  if (policy.small.kind === 'bands') {
    const bands = policy.small.bands.map((b) => `${b.from}–${b.to}`).join(', ');
    return language === 'sv' ? `visas som sitt intervall (${bands})` : `are shown as their band (${bands})`;
  }
  const shown = policy.small.kind === 'at-most' ? `≤${k - 1}` : `<${k}`;
  return language === 'sv' ? `visas som "${shown}"` : `are shown as "${shown}"`;
}

export function describeDisclosurePolicy(policy: DisclosurePolicy, language: Language): string {
  const k = policy.threshold;
  const small = smallText(policy, language);
  if (language === 'sv') {
    return [
      `Röjandekontroll: ${policy.name}, version ${policy.version}.`,
      `Antal från ${policy.zero === 'as-small' ? 0 : 1} till ${k - 1} ${small}; ${policy.zero === 'zero' ? 'noll visas som 0' : 'noll visas som ett litet antal'}.`,
      policy.rounding > 1 ? `Övriga antal avrundas till närmaste ${policy.rounding} (nedre gräns nedåt, övre uppåt).` : 'Övriga antal visas som heltal.',
      'Intervallens gränser följer samma regel var för sig, så ingen gräns visar ett litet antal.',
      policy.secondary === 'complementary'
        ? `Sekundär röjandekontroll: fler uppgifter döljs (${policy.secondaryText}) tills inget dolt antal kan räknas fram eller ringas in ur summor – sjukvårdsregioner, riket eller bortfallet mellan två urvalssteg.`
        : 'Ingen sekundär röjandekontroll: dolda antal kan gå att räkna fram ur summor.',
    ].join(' ');
  }
  return [
    `Disclosure control: ${policy.name}, version ${policy.version}.`,
    `Counts from ${policy.zero === 'as-small' ? 0 : 1} to ${k - 1} ${small}; ${policy.zero === 'zero' ? 'zero is shown as 0' : 'zero is shown as a small count'}.`,
    policy.rounding > 1 ? `Other counts are rounded to the nearest ${policy.rounding} (lower bounds down, upper bounds up).` : 'Other counts are shown as whole numbers.',
    'Interval bounds follow the same rule each, so no bound shows a small count.',
    policy.secondary === 'complementary'
      ? `Secondary suppression: further figures are hidden (${policy.secondaryText}) until no hidden count can be recovered or narrowed from totals – healthcare regions, the nation or the loss between two attrition steps.`
      : 'No secondary suppression: hidden counts may be recoverable from totals.',
  ].join(' ');
}
