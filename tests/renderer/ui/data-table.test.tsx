// The one table component: every column heading is a column header for a screen reader, figures are right-aligned
// like their cells, a column of buttons keeps a spoken name, a column left out is not drawn, and a wide table is a
// named region that scrolls sideways and takes keyboard focus.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DataTable } from '../../../renderer/src/ui/DataTable';

describe('DataTable', () => {
  it('heads every column with scope="col", marks figure columns and hides only the button column’s name', () => {
    const html = renderToStaticMarkup(
      <DataTable testId="t" caption="Kliniker" columns={[{ label: 'Region' }, { label: 'Antal', numeric: true }, { label: 'Åtgärder', hidden: true }]}>
        <tr>
          <th scope="row">Gotland</th>
          <td className="num">12</td>
          <td />
        </tr>
      </DataTable>,
    );
    expect(html).toBe(
      '<table class="data-table" data-testid="t"><caption>Kliniker</caption><thead><tr>' +
        '<th scope="col">Region</th><th scope="col" class="num">Antal</th><th scope="col"><span class="visually-hidden">Åtgärder</span></th>' +
        '</tr></thead><tbody><tr><th scope="row">Gotland</th><td class="num">12</td><td></td></tr></tbody></table>',
    );
  });

  it('leaves out a column given as false, and hides the caption when asked', () => {
    const shown = false as boolean;
    const html = renderToStaticMarkup(
      <DataTable caption="Ärenden" captionHidden className="extra" columns={[{ label: '#' }, shown && { label: 'Förfrågan' }, { label: 'Händelse' }]}>
        {null}
      </DataTable>,
    );
    expect(html).toBe('<table class="data-table extra"><caption class="visually-hidden">Ärenden</caption><thead><tr><th scope="col">#</th><th scope="col">Händelse</th></tr></thead><tbody></tbody></table>');
  });

  it('a plain table (inside a dialog with its own style) has no data-table class', () => {
    expect(renderToStaticMarkup(<DataTable plain columns={[{ label: 'A' }]}>{null}</DataTable>)).toBe('<table><thead><tr><th scope="col">A</th></tr></thead><tbody></tbody></table>');
  });

  it('puts a wide table in a focusable region named by a label or by a heading, and draws a foot of totals', () => {
    const byLabel = renderToStaticMarkup(
      <DataTable scroll="Kolumner" columns={[{ label: 'A' }]} foot={<tr><td>Summa</td></tr>}>
        {null}
      </DataTable>,
    );
    expect(byLabel).toBe('<div class="scroll-region" role="region" aria-label="Kolumner" tabindex="0"><table class="data-table"><thead><tr><th scope="col">A</th></tr></thead><tbody></tbody><tfoot><tr><td>Summa</td></tr></tfoot></table></div>');
    const byHeading = renderToStaticMarkup(
      <DataTable scroll={{ labelledBy: 'h-units' }} columns={[{ label: 'A' }]}>
        {null}
      </DataTable>,
    );
    expect(byHeading).toContain('<div class="scroll-region" role="region" aria-labelledby="h-units" tabindex="0"><table class="data-table">');
  });
});
