// A field's error is written one way in every form: under the control, in the error colour, and the control says it
// is invalid and is described by the error (and its hint), so a screen reader reads the error with the field.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { TextField } from '../../../renderer/src/requests/fields';
import { ParsedField } from '../../../renderer/src/study/fields';
import { FieldError, fieldAria } from '../../../renderer/src/ui/FieldError';

/** The control's aria-invalid, and the class and text of each element its aria-describedby names (read from the markup). */
function described(html: string, control: 'input' | 'select' | 'textarea'): { invalid: string | null; texts: string[] } {
  const tag = new RegExp(`<${control}\\b[^>]*>`).exec(html)![0];
  const attribute = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(tag)?.[1] ?? null;
  const ids = (attribute('aria-describedby') ?? '').split(' ').filter((id) => id !== '');
  const texts = ids.map((id) => {
    const named = new RegExp(`<(p|span) id="${id.replace(/[^\w-]/g, (c) => `\\${c}`)}" class="([^"]*)">([^<]*)</\\1>`).exec(html);
    return named ? `${named[2]}: ${named[3]}` : `missing ${id}`;
  });
  return { invalid: attribute('aria-invalid'), texts };
}

describe('FieldError', () => {
  it('is nothing while there is no error, and the error under the field otherwise', () => {
    expect(renderToStaticMarkup(<FieldError id="e">{false}</FieldError>)).toBe('');
    expect(renderToStaticMarkup(<FieldError id="e">{null}</FieldError>)).toBe('');
    expect(renderToStaticMarkup(<FieldError id="e">Ange ett namn.</FieldError>)).toBe('<p id="e" class="field-error">Ange ett namn.</p>');
    expect(renderToStaticMarkup(<FieldError id="e" inline>Ogiltigt tal.</FieldError>)).toBe('<span id="e" class="field-error">Ogiltigt tal.</span>');
  });

  it('the control is invalid and described by the error only while there is one; its hint always', () => {
    expect(fieldAria(false, 'e', 'h')).toEqual({ 'aria-invalid': undefined, 'aria-describedby': 'h' });
    expect(fieldAria(true, 'e', 'h')).toEqual({ 'aria-invalid': true, 'aria-describedby': 'h e' });
    expect(fieldAria(false, 'e')).toEqual({ 'aria-invalid': undefined, 'aria-describedby': undefined });
  });
});

describe('the request form and the study form write a field error the same way', () => {
  it('a request field with a hint and an error', () => {
    const html = renderToStaticMarkup(<TextField label="Titel" hint="Som sponsorn skrev den." error="Ange en titel." value="" onChange={() => undefined} />);
    expect(described(html, 'input')).toEqual({ invalid: 'true', texts: ['hint: Som sponsorn skrev den.', 'field-error: Ange en titel.'] });
  });

  it('a request field without an error is not marked invalid', () => {
    const html = renderToStaticMarkup(<TextField label="Titel" hint="Som sponsorn skrev den." value="ADHD" onChange={() => undefined} />);
    expect(described(html, 'input')).toEqual({ invalid: null, texts: ['hint: Som sponsorn skrev den.'] });
  });

  it('a study field with a valid value shows its hint and no error', () => {
    const html = renderToStaticMarkup(<ParsedField label="Andel" value={0.5} format={String} parse={(t) => (Number.isNaN(Number(t)) ? null : Number(t))} onValid={() => undefined} errorText="Ange ett tal." hint="Mellan 0 och 1." />);
    expect(described(html, 'input')).toEqual({ invalid: null, texts: ['hint: Mellan 0 och 1.'] });
  });
});
