import { type FormEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EMPTY_UNIT_PROFILE, type UnitProfile } from '../../../shared/answer/snapshot';
import { MAX_LOGO_BYTES, loadUnitProfile, saveUnitProfile } from './unit-profile';
import { useServices } from '../context';
import { formatBytes, formatIsoDateTime } from '../format';
import { type HallandChoice, hallandChoiceOf, loadHallandRule, saveHallandChoice } from './halland-rule';
import { PolicySettings } from '../disclosure/PolicySettings';
import { BackupPanel } from '../backup/BackupPanel';
import { ThemeRadioGroup } from './theme-controls';
import { LANGUAGES, isLanguage, type Language } from '../../../shared/text/language';
import { StatusLine, Loading } from '../ui/StatusLine';
import { FieldError, fieldAria } from '../ui/FieldError';

export function SettingsPage({ storagePersisted }: { storagePersisted: boolean | null }) {
  const { t } = useTranslation();
  const { language, setLanguage } = useServices();
  const languageId = useId();
  return (
    <section aria-labelledby="settings-title">
      <h1 id="settings-title">{t('settings.title')}</h1>
      <fieldset className="panel">
        <legend>{t('settings.language')}</legend>
        <label htmlFor={languageId}>{t('settings.language')}</label>
        <select
          id={languageId}
          value={language}
          onChange={(e) => {
            if (isLanguage(e.target.value)) void setLanguage(e.target.value);
          }}
        >
          {LANGUAGES.map((l: Language) => (
            <option key={l} value={l}>
              {t(`language.${l}`)}
            </option>
          ))}
        </select>
        <p className="hint">{t('settings.languageHint')}</p>
      </fieldset>
      <div className="panel">
        <ThemeRadioGroup />
      </div>
      <HallandRuleField />
      <PolicySettings />
      <UnitProfileForm />
      <fieldset className="panel">
        <legend>{t('settings.storage')}</legend>
        {storagePersisted !== null && (
          <p data-testid="storage-status">{storagePersisted ? t('settings.storagePersisted') : t('settings.storageNotPersisted')}</p>
        )}
      </fieldset>
      <BackupPanel />
    </section>
  );
}

function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

function UnitProfileForm() {
  const { t } = useTranslation();
  const { db, language, now } = useServices();
  const [profile, setProfile] = useState<UnitProfile | null>(null);
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const [logoError, setLogoError] = useState<string | null>(null);
  const [submitted, setSubmitted] = useState(false);
  const ids = { name: useId(), address: useId(), signatory: useId(), title: useId(), logo: useId(), nameError: useId(), logoHint: useId() };

  useEffect(() => {
    let live = true;
    void loadUnitProfile(db).then((p) => live && setProfile(p));
    return () => {
      live = false;
    };
  }, [db]);

  if (!profile) return <Loading />;
  const current = profile ?? EMPTY_UNIT_PROFILE;
  const nameMissing = current.unitName.trim() === '';
  const update = (patch: Partial<UnitProfile>) => {
    setProfile({ ...current, ...patch });
    setSavedAt(null);
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (nameMissing) return;
    await saveUnitProfile(db, current, t);
    setSavedAt(now());
  };

  const onLogo = async (file: File | undefined) => {
    setLogoError(null);
    if (!file) return;
    if (file.type !== 'image/png' && file.type !== 'image/svg+xml') {
      setLogoError(t('settings.logoWrongType', { name: file.name }));
      return;
    }
    if (file.size > MAX_LOGO_BYTES) {
      setLogoError(t('settings.logoTooLarge', { name: file.name, size: formatBytes(file.size, language) }));
      return;
    }
    update({ logo: { name: file.name, mediaType: file.type, dataUrl: await readAsDataUrl(file) } });
  };

  return (
    <form className="panel form" onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="unit-profile-title">
      <h2 id="unit-profile-title">{t('settings.unitProfile')}</h2>
      <p className="hint">{t('settings.unitProfileHint')}</p>
      <label htmlFor={ids.name}>{t('settings.unitName')}</label>
      <input
        id={ids.name}
        value={current.unitName}
        required
        {...fieldAria(submitted && nameMissing, ids.nameError)}
        onChange={(e) => update({ unitName: e.target.value })}
        // Inline validation: a missing name is explained as soon as the field is left, not only on saving.
        onBlur={() => setSubmitted(true)}
      />
      <FieldError id={ids.nameError}>{submitted && nameMissing && t('settings.required')}</FieldError>
      <label htmlFor={ids.address}>{t('settings.address')}</label>
      <textarea id={ids.address} rows={3} value={current.address} onChange={(e) => update({ address: e.target.value })} />
      <label htmlFor={ids.signatory}>{t('settings.signatoryName')}</label>
      <input id={ids.signatory} value={current.signatoryName} onChange={(e) => update({ signatoryName: e.target.value })} />
      <label htmlFor={ids.title}>{t('settings.signatoryTitle')}</label>
      <input id={ids.title} value={current.signatoryTitle} onChange={(e) => update({ signatoryTitle: e.target.value })} />
      <label htmlFor={ids.logo}>{t('settings.logo')}</label>
      <input id={ids.logo} type="file" accept=".png,.svg,image/png,image/svg+xml" aria-describedby={ids.logoHint} onChange={(e) => void onLogo(e.target.files?.[0])} />
      <p id={ids.logoHint} className="hint">
        {t('settings.logoHint')}
      </p>
      {logoError && (
        <StatusLine error>
          {logoError}
        </StatusLine>
      )}
      {current.logo && (
        <div className="logo-preview">
          <img src={current.logo.dataUrl} alt={current.logo.name} />
          <button type="button" className="button" onClick={() => update({ logo: null })}>
            {t('settings.removeLogo')}
          </button>
        </div>
      )}
      <div className="form-actions">
        <button type="submit" className="button primary">
          {t('settings.save')}
        </button>
        <StatusLine hint>
          {savedAt ? t('settings.saved', { time: formatIsoDateTime(savedAt) }) : ''}
        </StatusLine>
      </div>
    </form>
  );
}

function HallandRuleField() {
  const { t } = useTranslation();
  const { db } = useServices();
  const id = useId();
  const [choice, setChoice] = useState<HallandChoice | null>(null);
  useEffect(() => {
    let live = true;
    void loadHallandRule(db).then((rule) => live && setChoice(hallandChoiceOf(rule)));
    return () => {
      live = false;
    };
  }, [db]);
  if (choice === null) return null;
  return (
    <fieldset className="panel">
      <legend>{t('settings.halland')}</legend>
      <label htmlFor={id}>{t('settings.hallandLabel')}</label>
      <select
        id={id}
        value={choice}
        onChange={(e) => {
          const next = e.target.value as HallandChoice;
          setChoice(next);
          void saveHallandChoice(db, next, t);
        }}
      >
        <option value="population-split">{t('settings.hallandSplit')}</option>
        <option value="sodra">{t('settings.hallandSodra')}</option>
        <option value="vastra">{t('settings.hallandVastra')}</option>
      </select>
      <p className="hint">{t('settings.hallandHint')}</p>
    </fieldset>
  );
}
