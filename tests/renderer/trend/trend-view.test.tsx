// The trend view's logic (panels, window choices, verdicts) and its markup: every chart has a title and a text
// alternative, the table holds the same numbers, and every control has a label.
import i18next from 'i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { en } from '../../../renderer/src/i18n/en';
import { sv } from '../../../renderer/src/i18n/sv';
import { TrendView } from '../../../renderer/src/trend/TrendView';
import { parseWindowValue, trendPanels, windowChoices, windowValue } from '../../../renderer/src/trend/trend-view-model';
import { studyTrends } from '../../../shared/trend';
import { dataset, drugA, seriesRows, study, years } from '../../shared/trend/helpers';
import type { Language } from '../../../shared/text/language';

// Stockholm grows 10 % a year, 2014–2020; Gotland 10, 11, 9, 12, 13, 12, 14 (not steady); with populations.
const counts = dataset([...seriesRows('01', years(2014, 2020), [1000, 1100, 1210, 1331, 1464.1, 1610.51, 1771.561]), ...seriesRows('09', years(2014, 2020), [10, 11, 9, 12, 13, 12, 14])]);
const population = dataset([...seriesRows('01', years(2014, 2020), [100000, 100000, 100000, 100000, 100000, 100000, 100000]), ...seriesRows('09', years(2014, 2020), [2000, 2000, 2000, 2000, 2000, 2000, 2000])]);
const trends = studyTrends(study([drugA]), [counts], { population });

describe('panels', () => {
  it('Sweden first, then the regions in county order, each with every period and the window marked', () => {
    const panels = trendPanels(trends, 'counts', 'sv', 'inga data');
    expect(panels.map((p) => p.name)).toEqual(['Riket (summan av regionerna)', 'Stockholm', 'Uppsala', 'Sörmland', 'Östergötland', 'Jönköping', 'Kronoberg', 'Kalmar', 'Gotland', 'Blekinge', 'Skåne', 'Halland', 'Västra Götaland', 'Värmland', 'Örebro', 'Västmanland', 'Dalarna', 'Gävleborg', 'Västernorrland', 'Jämtland Härjedalen', 'Västerbotten', 'Norrbotten'].slice(0, panels.length));
    const stockholm = panels.find((p) => p.key === '01')!;
    expect(stockholm.points.map((p) => p.period)).toEqual(years(2014, 2020));
    expect(stockholm.points.map((p) => p.inWindow)).toEqual([false, false, true, true, true, true, true]);
    expect(stockholm.points.map((p) => p.text)).toEqual(['1\u00a0000', '1\u00a0100', '1\u00a0210', '1\u00a0331', '1\u00a0464', '1\u00a0611', '1\u00a0772']);
    expect(stockholm.status).toMatchObject({ kind: 'trend', average: '+10,0\u00a0%', steady: true });
    // The fitted line runs through the window's first and last values exactly (a perfect 10 % a year).
    const [first, last] = stockholm.trendLine!.split(' ').map((xy) => Number(xy.split(',')[1]));
    const yOf = (period: string) => stockholm.points.find((p) => p.period === period)!.y!;
    expect(first).toBeCloseTo(yOf('2016'), 0);
    expect(last).toBeCloseTo(yOf('2020'), 0);
    const gotland = panels.find((p) => p.key === '09')!;
    expect(gotland.status).toMatchObject({ kind: 'trend', steady: false });
    // A region without data says so, and is refused with the reason.
    const uppsala = panels.find((p) => p.key === '03')!;
    expect(uppsala.lastText).toBe('inga data');
    expect(uppsala.status).toEqual({ kind: 'refused', reason: 'Det finns inga data i fönstret.' });
  });

  it('in rate mode the values are per 100 000 of each period’s population', () => {
    const stockholm = trendPanels(trends, 'rates', 'en', 'no data').find((p) => p.key === '01')!;
    // 1 771,561 of 100 000 is 1 771,561 per 100 000; 14 of 2 000 is 700.
    expect(stockholm.points.at(-1)!.text).toBe('1,772');
    expect(trendPanels(trends, 'rates', 'en', 'no data').find((p) => p.key === '09')!.points.at(-1)!.text).toBe('700');
  });
});

describe('window choices', () => {
  it('offers the last 3 periods up to all of them, and maps a window to a choice and back', () => {
    const periods = years(2014, 2020);
    expect(windowChoices(periods).map((c) => [c.value, c.from, c.to])).toEqual([
      ['last:3', '2018', '2020'],
      ['last:4', '2017', '2020'],
      ['last:5', '2016', '2020'],
      ['last:6', '2015', '2020'],
      ['last:7', '2014', '2020'],
    ]);
    expect(windowValue({ periods: 5 }, periods)).toBe('last:5');
    expect(windowValue({ periods: 40 }, periods)).toBe('last:7');
    expect(windowValue({ from: '2016' }, periods)).toBe('last:5');
    expect(parseWindowValue('last:4')).toEqual({ periods: 4 });
    expect(parseWindowValue('nonsense')).toBeNull();
  });
});

describe('markup', async () => {
  const i18n = i18next.createInstance();
  await i18n.use(initReactI18next).init({ resources: { sv: { translation: sv }, en: { translation: en } }, lng: 'sv', fallbackLng: false, interpolation: { escapeValue: false } });
  const render = (language: Language) => {
    void i18n.changeLanguage(language);
    return renderToStaticMarkup(
      <I18nextProvider i18n={i18n}>
        <TrendView trends={trends} language={language} window={{ periods: 5 }} onWindowChange={() => undefined} mode="counts" onModeChange={() => undefined} />
      </I18nextProvider>,
    );
  };

  it('labels every control, titles every chart and offers the table alternative', () => {
    const html = render('sv');
    expect(html).toContain('<h2');
    expect(html).toContain('Fönster för trenden');
    expect(html).toMatch(/<label for="[^"]+">Fönster för trenden<\/label><select id="[^"]+"/);
    expect(html).toContain('<legend>Visa som</legend>');
    expect(html).toContain('De senaste 5 perioderna (2016–2020)');
    expect(html.match(/role="img"/g)!.length).toBe(trendPanels(trends, 'counts', 'sv', '').length);
    expect(html).toContain('<title');
    expect(html).toContain('Stockholm: Antal patienter per period, 2014–2020');
    expect(html).toContain('<summary>Visa som tabell</summary>');
    expect(html).toContain('<th scope="row">Gotland</th>');
    expect(html).toContain('Inte jämn');
    // No internal ids or English in the Swedish view.
    const text = html.replace(/<[^>]*>/g, ' ');
    expect(text).not.toMatch(/national|last:\d|undefined|NaN|Projection|Steady|\{\{/);
  });

  it('in English says the same in English', () => {
    const html = render('en');
    expect(html).toContain('The last 5 periods (2016–2020)');
    expect(html).toContain('Sweden (sum of the regions)');
    expect(html).toContain('Not steady');
  });
});
