/**
 * The app's own texts behind a real i18next, for tests of code that takes the caller's translator (an audit entry's
 * summary is written in the user's language): `svT('settings.audit.halland', …)` is what a Swedish user's screen
 * would write.
 */
import i18next, { type TFunction } from 'i18next';
import { en } from '../../../renderer/src/i18n/en';
import { sv } from '../../../renderer/src/i18n/sv';

const instance = i18next.createInstance();
await instance.init({ resources: { sv: { translation: sv }, en: { translation: en } }, lng: 'sv', fallbackLng: false, interpolation: { escapeValue: false }, keySeparator: '.' });

export const svT: TFunction = instance.getFixedT('sv');
export const enT: TFunction = instance.getFixedT('en');
