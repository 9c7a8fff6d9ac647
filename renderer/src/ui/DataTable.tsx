/**
 * A table of figures or records: the caption, the column headings (each `scope="col"`, figures right-aligned) and
 * the body, so every table of the app is named and headed the same way for a screen reader. The caller writes the
 * rows (`<tr>` with a `<th scope="row">` where a row has a name). `scroll` puts a wide table in a named region that
 * scrolls sideways and takes keyboard focus.
 */
import { memo, type ReactNode } from 'react';
import { ScrollRegion, type ScrollRegionName } from './ScrollRegion';

export interface DataColumn {
  /** The heading. */
  label: ReactNode;
  /** Figures: right-aligned, like the column's cells (`className="num"`). */
  numeric?: boolean;
  /** The heading is for screen readers only (a column of buttons). */
  hidden?: boolean;
  /** React's key, where the headings are a list of data (periods, file headers). */
  key?: string;
}

export function DataTable({
  columns,
  children,
  caption,
  captionHidden = false,
  foot,
  testId,
  className,
  plain = false,
  labelledBy,
  scroll,
}: {
  /** `false` leaves a column out (a column shown only in some views). */
  columns: ReadonlyArray<DataColumn | false>;
  /** The body's rows. */
  children: ReactNode;
  caption?: ReactNode;
  /** The caption is for screen readers only (the page's heading already names the table). */
  captionHidden?: boolean;
  /** Rows of the table's foot (totals). */
  foot?: ReactNode;
  testId?: string;
  /** Classes besides `data-table`. */
  className?: string;
  /** Without the `data-table` look (a table inside a dialog styled by the dialog). */
  plain?: boolean;
  /** The id of a heading that names the table. */
  labelledBy?: string;
  /** A wide table scrolls sideways in a region: its name, or the id of the heading that names it. */
  scroll?: string | { labelledBy: string };
}) {
  const table = (
    <table className={[plain ? '' : 'data-table', className ?? ''].filter((c) => c !== '').join(' ') || undefined} data-testid={testId} aria-labelledby={labelledBy}>
      {caption !== undefined && <caption className={captionHidden ? 'visually-hidden' : undefined}>{caption}</caption>}
      <Head columns={columns} />
      <tbody>{children}</tbody>
      {foot !== undefined && <tfoot>{foot}</tfoot>}
    </table>
  );
  if (scroll === undefined) return table;
  const name: ScrollRegionName = typeof scroll === 'string' ? { label: scroll } : scroll;
  return <ScrollRegion {...name}>{table}</ScrollRegion>;
}

/**
 * The headings, redrawn only when a heading changes: tables on the answer page are redrawn on every edit, their
 * headings almost never change (texts compare by value, other labels by identity).
 */
const Head = memo(
  function Head({ columns }: { columns: ReadonlyArray<DataColumn | false> }) {
    return (
      <thead>
        <tr>
          {columns
            .filter((column): column is DataColumn => column !== false)
            .map((column, i) => (
              <th key={column.key ?? i} scope="col" className={column.numeric ? 'num' : undefined}>
                {column.hidden ? <span className="visually-hidden">{column.label}</span> : column.label}
              </th>
            ))}
        </tr>
      </thead>
    );
  },
  (a, b) =>
    a.columns.length === b.columns.length &&
    a.columns.every((x, i) => {
      const y = b.columns[i]!;
      return x === y || (x !== false && y !== false && x.label === y.label && x.numeric === y.numeric && x.hidden === y.hidden && x.key === y.key);
    }),
);
