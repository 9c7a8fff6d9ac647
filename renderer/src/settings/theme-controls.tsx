// React Aria components (accessible radio group and toggle button, unstyled so they take our tokens).
import { Label, Radio, RadioGroup, Text } from 'react-aria-components';
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
