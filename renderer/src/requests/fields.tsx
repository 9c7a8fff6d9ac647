// Small labelled form controls for the request screens: every control has a visible label and its error tied to it.
import { useId } from 'react';
import { FieldNotes, fieldAria } from '../ui/FieldError';

interface Common {
  label: string;
  hint?: string;
  error?: string | null;
}

export function TextField({
  label,
  hint,
  error,
  value,
  onChange,
  type = 'text',
  multiline = false,
  required = false,
  inputMode,
  onBlur,
}: Common & {
  value: string;
  onChange: (value: string) => void;
  /** Called when the field is left: the place to validate it inline. */
  onBlur?: () => void;
  type?: 'text' | 'date' | 'search';
  multiline?: boolean;
  required?: boolean;
  inputMode?: 'numeric' | 'text';
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const common = {
    id,
    value,
    required,
    onBlur,
    ...fieldAria(Boolean(error), errorId, hint && hintId),
  } as const;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea {...common} rows={4} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...common} type={type} inputMode={inputMode} onChange={(e) => onChange(e.target.value)} />
      )}
      <FieldNotes hintId={hintId} errorId={errorId} hint={hint} error={error} />
    </div>
  );
}

export function SelectField<T extends string>({
  label,
  hint,
  error,
  value,
  options,
  onChange,
}: Common & { value: T; options: ReadonlyArray<{ value: T; label: string }>; onChange: (value: T) => void }) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} {...fieldAria(Boolean(error), errorId, hint && hintId)} onChange={(e) => onChange(e.target.value as T)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldNotes hintId={hintId} errorId={errorId} hint={hint} error={error} />
    </div>
  );
}
