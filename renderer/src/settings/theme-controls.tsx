// React Aria components (accessible radio group and toggle button, unstyled so they take our tokens).
import { Label, Radio, RadioGroup, Text, ToggleButton } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { THEME_CHOICES, isThemeChoice, useTheme } from './theme';

/** Settings: system / light / dark as a labelled radio group, saying which theme "system" gives right now. */
export function ThemeRadioGroup() {
  const { t } = useTranslation();
  const { choice, resolved, setChoice } = useTheme();
  return (
    <RadioGroup
      className="radio-group"
      value={choice}
      onChange={(value) => {
        if (isThemeChoice(value)) setChoice(value);
      }}
    >
      <Label className="radio-group-label">{t('ui.theme.label')}</Label>
      {THEME_CHOICES.map((value) => (
        <Radio key={value} value={value} className="radio">
          {t(`ui.theme.${value}`)}
        </Radio>
      ))}
      <Text slot="description" className="hint">
        {t('ui.theme.hint', { current: t(`ui.theme.${resolved}`) })}
      </Text>
    </RadioGroup>
  );
}

/** The top bar's compact switch between light and dark (an explicit choice; Settings can return to "system"). */
export function ThemeToggle() {
  const { t } = useTranslation();
  const { resolved, setChoice } = useTheme();
  return (
    <ToggleButton
      className="button ghost icon-button"
      aria-label={t('ui.theme.toggle')}
      isSelected={resolved === 'dark'}
      onChange={(dark) => setChoice(dark ? 'dark' : 'light')}
    >
      <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false" className="icon">
        <path d="M21 12.8A9 9 0 1 1 11.2 3a7 7 0 0 0 9.8 9.8z" />
      </svg>
    </ToggleButton>
  );
}
