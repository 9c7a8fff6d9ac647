/**
 * Progress of long work (a letter being laid out, a large file being read) with a Cancel that really stops it:
 * the caller's `onCancel` terminates the worker, and nothing is written until the work has finished.
 * Without `fraction` the bar is indeterminate (the work cannot say how far it has come).
 */
// react-aria-components: the progress bar's role, value and label wiring for assistive technology.
import { Button, Label, ProgressBar } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import './actions.css';

export function WorkProgress({ label, fraction, onCancel, cancelLabel, testId }: { label: string; fraction?: number; onCancel(): void; cancelLabel?: string; testId?: string }) {
  const { t } = useTranslation();
  const indeterminate = fraction === undefined;
  return (
    <div className="work-progress" data-testid={testId ?? 'work-progress'}>
      <ProgressBar className="work-progress-bar" isIndeterminate={indeterminate} value={indeterminate ? undefined : Math.round(Math.max(0, Math.min(1, fraction)) * 100)}>
        {({ percentage }) => (
          <>
            <Label className="work-progress-label">{label}</Label>
            <span className="work-progress-track">
              <progress className="work-progress-fill" max={100} value={indeterminate ? undefined : percentage} aria-hidden="true" />
            </span>
          </>
        )}
      </ProgressBar>
      <Button className="button small" onPress={onCancel}>
        {cancelLabel ?? t('actions.progress.cancel')}
      </Button>
    </div>
  );
}
