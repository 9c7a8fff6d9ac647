/**
 * What is wrong with one field, written under its control, and the field's hint. The control lists both ids in
 * `aria-describedby` and says `aria-invalid` while there is an error (`fieldAria`), so a screen reader reads the
 * error with the field; the error is in the error colour. Every form (study, request, import, datasets, settings,
 * disclosure policy) writes its field errors with these, so they look and read the same everywhere.
 */
import type { ReactNode } from 'react';

/** The error under a field; nothing while there is none. `inline`: a span, inside a row of small fields. */
export function FieldError({ id, children, inline = false }: { id: string; children: ReactNode; inline?: boolean }) {
  if (children === null || children === undefined || children === false || children === '') return null;
  const Element = inline ? 'span' : 'p';
  return (
    <Element id={id} className="field-error">
      {children}
    </Element>
  );
}

/** A field's hint (when it has one) and its error (while there is one), with the ids `fieldAria` points at. */
export function FieldNotes({ hintId, hint, errorId, error, inline = false }: { hintId: string; hint?: ReactNode; errorId: string; error: ReactNode; inline?: boolean }) {
  const Hint = inline ? 'span' : 'p';
  return (
    <>
      {hint ? (
        <Hint id={hintId} className="hint">
          {hint}
        </Hint>
      ) : null}
      <FieldError id={errorId} inline={inline}>
        {error}
      </FieldError>
    </>
  );
}

/** The control's attributes for its error and hint: invalid and described by the error while there is one. */
export function fieldAria(invalid: boolean, errorId: string, ...otherIds: Array<string | false | null | undefined>): { 'aria-invalid': true | undefined; 'aria-describedby': string | undefined } {
  const ids = [...otherIds, invalid ? errorId : null].filter((id): id is string => typeof id === 'string' && id !== '');
  return { 'aria-invalid': invalid ? true : undefined, 'aria-describedby': ids.length > 0 ? ids.join(' ') : undefined };
}
