import { useTranslation } from 'react-i18next';
import { useTheme } from './theme';

/**
 * The top bar's compact switch between light and dark (an explicit choice; Settings can return to "system").
 * A native toggle button (`aria-pressed`): Enter and Space press it and its name is its label, as with a
 * React Aria ToggleButton, but the first screen then does not load React Aria, whose module-level locale
 * detection costs tens of milliseconds before the first answer.
 */
export function ThemeToggle() {
  const { t } = useTranslation();
  const { resolved, setChoice } = useTheme();
  const dark = resolved === 'dark';
  return (
    <button
      type="button"
      className="button ghost icon-button"
      aria-label={t('ui.theme.toggle')}
      aria-pressed={dark}
      onClick={() => setChoice(dark ? 'light' : 'dark')}
    >
      <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false" className="icon">
        <path d="M21 12.8A9 9 0 1 1 11.2 3a7 7 0 0 0 9.8 9.8z" />
      </svg>
    </button>
  );
}
