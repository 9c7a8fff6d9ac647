/**
 * A line that says what is happening (saved, computing, how many shown) or what went wrong. A status is announced
 * politely when it changes (`role="status"`); an error interrupts (`role="alert"`) and has the error colour, so
 * every page tells a screen reader and a sighted user the same way.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export function StatusLine({
  children,
  error = false,
  hint = false,
  className,
  testId,
  id,
  as: Element = 'p',
  labelledBy,
  panel = false,
}: {
  children: ReactNode;
  /** A status or error of several parts (a heading, a list, a button) is a `div` or a named `section`, not a line. */
  as?: 'p' | 'div' | 'section';
  /** The id of the heading that names a `section`. */
  labelledBy?: string;
  /** A box with its own look (a warning panel, a card): the role comes from here, the colours from `className`. */
  panel?: boolean;
  /** Something went wrong: announced at once, in the error colour. */
  error?: boolean;
  /** A quiet status in the hint's smaller, muted text. */
  hint?: boolean;
  /** Classes besides the status's or the error's own. */
  className?: string | undefined;
  testId?: string;
  id?: string;
}) {
  const classes = [panel ? '' : error ? 'field-error' : hint ? 'hint' : '', className ?? ''].filter((c) => c !== '').join(' ');
  return (
    <Element id={id} role={error ? 'alert' : 'status'} className={classes === '' ? undefined : classes} data-testid={testId} aria-labelledby={labelledBy}>
      {children}
    </Element>
  );
}

/** What the last action did (saved, exported, imported) and, under it, what went wrong if anything did. */
export function ActionStatus({ status, error, hint = false, className, testId }: { status: ReactNode; error: ReactNode; hint?: boolean; className?: string; testId?: string }) {
  return (
    <>
      <StatusLine hint={hint} className={className} {...(testId === undefined ? {} : { testId })}>
        {status}
      </StatusLine>
      {error ? <StatusLine error>{error}</StatusLine> : null}
    </>
  );
}

/** "Loading…" while a page or panel reads the database or loads its code. */
export function Loading({ hint = false, testId }: { hint?: boolean; testId?: string }) {
  const { t } = useTranslation();
  return (
    <StatusLine hint={hint} {...(testId === undefined ? {} : { testId })}>
      {t('app.loading')}
    </StatusLine>
  );
}
