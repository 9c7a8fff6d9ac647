// The one status line: a status is announced politely (role="status"), an error at once (role="alert") and in the
// error colour, whatever page it is on; "Loading…" is the same line everywhere, in the interface's language.
import i18next from 'i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { en } from '../../../renderer/src/i18n/en';
import { sv } from '../../../renderer/src/i18n/sv';
import { ActionStatus, Loading, StatusLine } from '../../../renderer/src/ui/StatusLine';

describe('StatusLine', () => {
  it('a status is role="status", quiet as a hint when asked, with its own classes kept', () => {
    expect(renderToStaticMarkup(<StatusLine testId="s">Sparat</StatusLine>)).toBe('<p role="status" data-testid="s">Sparat</p>');
    expect(renderToStaticMarkup(<StatusLine hint>Sparat</StatusLine>)).toBe('<p role="status" class="hint">Sparat</p>');
    expect(renderToStaticMarkup(<StatusLine className="compute-status stale">Räknar</StatusLine>)).toBe('<p role="status" class="compute-status stale">Räknar</p>');
  });

  it('an error is role="alert" in the error colour, even when a hint was asked for', () => {
    expect(renderToStaticMarkup(<StatusLine error id="e">Kunde inte spara</StatusLine>)).toBe('<p id="e" role="alert" class="field-error">Kunde inte spara</p>');
    expect(renderToStaticMarkup(<StatusLine error hint>Fel</StatusLine>)).toBe('<p role="alert" class="field-error">Fel</p>');
  });

  it('a status or error of several parts is a div or a named section; a panel keeps its own look', () => {
    expect(renderToStaticMarkup(<StatusLine as="div" error testId="c"><p>Kunde inte läsa</p></StatusLine>)).toBe('<div role="alert" class="field-error" data-testid="c"><p>Kunde inte läsa</p></div>');
    expect(renderToStaticMarkup(<StatusLine as="section" panel error className="warnings" labelledBy="h"><h2 id="h">Stoppat</h2></StatusLine>)).toBe(
      '<section role="alert" class="warnings" aria-labelledby="h"><h2 id="h">Stoppat</h2></section>',
    );
  });

  it('an action\'s status, and its error under it only when there is one', () => {
    expect(renderToStaticMarkup(<ActionStatus status="Exporterad" error={null} hint testId="a" />)).toBe('<p role="status" class="hint" data-testid="a">Exporterad</p>');
    expect(renderToStaticMarkup(<ActionStatus status="" error="Disken är full" testId="a" />)).toBe('<p role="status" data-testid="a"></p><p role="alert" class="field-error">Disken är full</p>');
  });

  it('"Loading…" in Swedish by default and in English', async () => {
    const i18n = i18next.createInstance();
    await i18n.use(initReactI18next).init({ lng: 'sv', resources: { sv: { translation: sv }, en: { translation: en } }, interpolation: { escapeValue: false } });
    const html = () => renderToStaticMarkup(<I18nextProvider i18n={i18n}><Loading /></I18nextProvider>);
    expect(html()).toBe(`<p role="status">${sv.app.loading}</p>`);
    expect(sv.app.loading).toMatch(/^Laddar/);
    await i18n.changeLanguage('en');
    expect(html()).toBe(`<p role="status">${en.app.loading}</p>`);
    expect(en.app.loading).toMatch(/^Loading/);
  });
});
