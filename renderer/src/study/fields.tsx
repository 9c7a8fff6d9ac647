// Form fields that keep what the user is typing locally and hand the parent only valid values.
import { useId, useState } from 'react';
import type { Interval } from '../../../shared/utils/interval';
import { FieldNotes, fieldAria } from '../ui/FieldError';

interface ParsedFieldProps<T> {
  label: string;
  value: T;
  format(value: T): string;
  parse(text: string): T | null;
  onValid(value: T): void;
  errorText: string;
  hint?: string;
  inputMode?: 'decimal' | 'numeric' | 'text';
  className?: string;
  /** id of a <datalist> with suggestions. */
  list?: string;
}

/**
 * A text input whose draft may be invalid while typing: the parent only ever receives parsed, valid values,
 * so a half-typed number never reaches the estimate. An invalid draft is marked and explained.
 */
export function ParsedField<T>({ label, value, format, parse, onValid, errorText, hint, inputMode = 'decimal', className, list }: ParsedFieldProps<T>) {
  const id = useId();
  const errorId = useId();
  const hintId = useId();
  const [draft, setDraft] = useState(() => format(value));
  const [invalid, setInvalid] = useState(false);
  const formatted = format(value);
  // When the value changes from outside (undo, another field), show it — unless the draft already says it.
  const [shown, setShown] = useState(formatted);
  if (formatted !== shown) {
    setShown(formatted);
    const parsed = parse(draft);
    if (parsed === null || format(parsed) !== formatted) setDraft(formatted);
    setInvalid(false);
  }
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        value={draft}
        inputMode={inputMode}
        list={list}
        {...fieldAria(invalid, errorId, hint && hintId)}
        onChange={(e) => {
          setDraft(e.target.value);
          const parsed = parse(e.target.value);
          setInvalid(parsed === null);
          if (parsed !== null) onValid(parsed);
        }}
      />
      <FieldNotes inline hintId={hintId} hint={hint} errorId={errorId} error={invalid && errorText} />
    </div>
  );
}

const RANGE_KEYS = ['low', 'point', 'high'] as const;

/**
 * Low / point / high as three parsed fields in a fieldset (criteria proportions, joint counts, the forecast's
 * consent and screen-failure rates): a value is valid when it parses, is not negative and keeps low ≤ point ≤ high.
 */
export function RangeFieldset<R extends Interval>({ legend, range, labelOf, format, parse, errorText, onChange }: { legend: string; range: R; labelOf(key: keyof Interval): string; format(value: number): string; parse(text: string): number | null; errorText: string; onChange(range: R): void }) {
  return (
    <fieldset className="range">
      <legend>{legend}</legend>
      <div className="field-row">
        {RANGE_KEYS.map((key) => (
          <ParsedField
            key={key}
            label={labelOf(key)}
            value={range[key]}
            format={format}
            parse={(text) => {
              const v = parse(text);
              if (v === null || v < 0) return null;
              const next = { ...range, [key]: v };
              return next.low <= next.point && next.point <= next.high ? v : null;
            }}
            onValid={(v) => onChange({ ...range, [key]: v })}
            errorText={errorText}
          />
        ))}
      </div>
    </fieldset>
  );
}
