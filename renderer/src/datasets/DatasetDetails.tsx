import { useId, useState } from 'react';
import { defaultOverlappingDimensions, overlapChoosable, overlappingDimensions } from '../../../shared/counts/overlap';
import { setOverlappingDimensions } from '../import/dataset-store';
import { OverlapFields } from './OverlapFields';
import { useTranslation } from 'react-i18next';
import type { DatasetRecord } from '../db/database';
import { useServices } from '../context';
import { formatBytes, formatCount, formatDecimal, formatIsoDateTime } from '../format';
import { delimiterKey, lineEndingKey } from '../import/display';
import { numberFormatChoice, roleOf } from '../import/mapping-edit';
import { isImportProvenance } from '../import/provenance';
import { EvidenceText } from '../import/EvidenceText';
import { usePhraseText } from '../import/phrase-text';
import { DataTable } from '../ui/DataTable';
import { periodSpan } from '../../../shared/utils/period';
import { StatusLine } from '../ui/StatusLine';
import { COUNTY_CODES, regionName, type CountyCode } from '../../../shared/regions/regions';
import type { Dimension } from '../../../shared/counts/dataset';
import type { TFunction } from 'i18next';
import type { Language } from '../../../shared/text/language';

const COUNTIES: ReadonlySet<string> = new Set(COUNTY_CODES);

/**
 * The regions a dataset holds, in the counties' order and in the reader's words ("Stockholm, Uppsala, Riket"),
 * with how many of the 21 counties that is: a coordinator sees at once which regions an answer can speak for.
 */
function regionsText(dimension: Dimension, t: TFunction, language: Language): string {
  const counties = COUNTY_CODES.filter((c) => dimension.values.includes(c));
  const names = counties.map((c: CountyCode) => regionName(c, language));
  if (dimension.values.includes('national')) names.push(t('datasets.values.national'));
  if (dimension.values.includes('unknown')) names.push(t('datasets.values.unknownRegion'));
  for (const v of dimension.values) if (!COUNTIES.has(v) && v !== 'national' && v !== 'unknown') names.push(v);
  return t('datasets.details.regionsList', { names: names.join(', '), n: formatCount(counties.length, language), all: formatCount(COUNTY_CODES.length, language) });
}

/** Everything recorded about where a dataset came from and how it was read, for audit and for repeating the import. */
export function DatasetDetails({ record, onClose, onChanged }: { record: DatasetRecord; onClose(): void; onChanged(message: string): void }) {
  const { t } = useTranslation();
  const say = usePhraseText();
  const { language, db } = useServices();
  const [saving, setSaving] = useState(false);
  const [overlapError, setOverlapError] = useState<string | null>(null);
  const overlapCols = overlapChoosable(record.dimensions).map((d) => ({ key: d.key, label: d.label ?? d.key }));
  const overlapping = overlappingDimensions(record);
  const changeOverlap = async (key: string, overlaps: boolean) => {
    // A second change while one is saved waits for the record to follow (never disabled: that would drop the focus).
    if (saving) return;
    const next = overlapping.filter((k) => k !== key).concat(overlaps ? [key] : []);
    const list = overlapCols.filter((c) => next.includes(c.key)).map((c) => c.label).join(', ') || t('overlap.auditNone');
    setSaving(true);
    setOverlapError(null);
    try {
      await setOverlappingDimensions(db, record.id, next, t('overlap.audit', { name: record.name, list }));
      onChanged(t('overlap.saved', { summary: t('overlap.audit', { name: record.name, list }) }));
    } catch (e) {
      setOverlapError(t('overlap.failed', { detail: e instanceof Error ? e.message : String(e) }));
    } finally {
      setSaving(false);
    }
  };
  const headingId = useId();
  const p = record.provenance;
  const imported = isImportProvenance(p) ? p : null;
  const tokens = Object.entries(p.maskTokens);
  return (
    <section className="panel dataset-details" aria-labelledby={headingId} data-testid="dataset-details">
      <h2 id={headingId}>{t('datasets.details.title', { name: record.name })}</h2>
      <dl className="facts">
        <div>
          <dt>{t('datasets.columns.publisher')}</dt>
          <dd>{p.publisher}</dd>
        </div>
        <div>
          <dt>{t('datasets.columns.basis')}</dt>
          <dd>
            {t(`basis.${record.basis.unit}`)}, {t(`basis.${record.basis.kind}`)}, {t(`basis.${record.basis.regionBasis}`)}
          </dd>
        </div>
        <div>
          <dt>{t('datasets.columns.period')}</dt>
          <dd>
            {periodSpan(p.periodFrom, p.periodTo) || t('datasets.noPeriod')}
          </dd>
        </div>
        <div>
          <dt>{t('datasets.columns.cells')}</dt>
          <dd>{formatCount(record.cellCount, language)}</dd>
        </div>
        <div>
          <dt>{t('datasets.details.dimensions')}</dt>
          <dd>{record.dimensions.map((d) => `${d.label ?? t(`datasets.roles.${d.role}`)} (${formatCount(d.values.length, language)})`).join(', ')}</dd>
        </div>
        {record.dimensions.filter((d) => d.role === 'region').map((d) => (
          <div className="wide" key={d.key}>
            <dt>{t('datasets.details.regions')}</dt>
            <dd data-testid="details-regions">{regionsText(d, t, language)}</dd>
          </div>
        ))}
        <div>
          <dt>{t('datasets.columns.imported')}</dt>
          <dd>{formatIsoDateTime(new Date(record.importedAt))}</dd>
        </div>
        {p.fileName && (
          <div>
            <dt>{t('datasets.details.fileName')}</dt>
            <dd data-testid="details-file">{p.fileName}</dd>
          </div>
        )}
        {imported && (
          <div>
            <dt>{t('datasets.details.fileSize')}</dt>
            <dd>{formatBytes(imported.fileSize, language)}</dd>
          </div>
        )}
        <div className="wide">
          <dt>{t('datasets.columns.sha')}</dt>
          <dd>
            <code data-testid="details-sha">{p.sha256}</code>
          </dd>
        </div>
        {p.extractedAt && (
          <div>
            <dt>{t('datasets.details.extractedAt')}</dt>
            <dd>{p.extractedAt}</dd>
          </div>
        )}
        {imported && (
          <>
            <div>
              <dt>{t('datasets.preview.encoding')}</dt>
              <dd data-testid="details-encoding">
                {imported.encoding === 'xlsx' ? t('datasets.encodings.xlsx') : t(`datasets.encodings.${imported.encoding}`)}
                <EvidenceText evidence={imported.encodingEvidence} because={imported.encodingBecause} />
              </dd>
            </div>
            {imported.format === 'csv' ? (
              <div>
                <dt>{t('datasets.preview.delimiter')}</dt>
                <dd data-testid="details-delimiter">
                  {t(`datasets.delimiters.${delimiterKey(imported.delimiter)}`)}, {t(`datasets.lineEndings.${lineEndingKey(imported.lineEnding)}`)}
                </dd>
              </div>
            ) : (
              <div>
                <dt>{t('datasets.preview.sheet')}</dt>
                <dd>{imported.sheet}</dd>
              </div>
            )}
            <div>
              <dt>{t('datasets.preview.layout')}</dt>
              <dd>{imported.layout ? t(`datasets.layouts.${imported.layout.kind}`, { headerRows: imported.layout.headerRows }) : '—'}</dd>
            </div>
            <div>
              <dt>{t('datasets.details.excluded')}</dt>
              <dd data-testid="details-excluded">{imported.excludedLines.length === 0 ? t('datasets.details.none') : imported.excludedLines.join(', ')}</dd>
            </div>
            {imported.coverage && (
              <div>
                <dt>{t('datasets.form.coverage')}</dt>
                <dd>{imported.coverage}</dd>
              </div>
            )}
            {imported.userNotes && (
              <div className="wide">
                <dt>{t('datasets.form.notes')}</dt>
                <dd className="pre-line">{imported.userNotes}</dd>
              </div>
            )}
          </>
        )}
      </dl>

      {overlapCols.length > 0 && (
        <OverlapFields
          columns={overlapCols}
          overlapping={overlapping}
          defaults={defaultOverlappingDimensions(record.dimensions, record.basis)}
          onChange={(key, overlaps) => void changeOverlap(key, overlaps)}
          testId="details-overlap"
        />
      )}
      {overlapError && (
        <StatusLine error>{overlapError}</StatusLine>
      )}

      <h3>{t('datasets.details.tokens')}</h3>
      {tokens.length === 0 ? (
        <p>{t('datasets.details.noTokens')}</p>
      ) : (
        <ul data-testid="details-tokens">
          {tokens.map(([token, m]) => (
            <li key={token}>
              <code>{token}</code>{' '}
              {t('datasets.preview.tokenMeans', { low: formatCount(m.low, language), high: formatCount(m.high, language), point: formatDecimal(m.point, language) })}
            </li>
          ))}
        </ul>
      )}

      {imported && (
        <>
          <h3>{t('datasets.details.mapping')}</h3>
          <DataTable testId="details-mapping" scroll={t('datasets.details.mapping')} columns={[{ label: '#', numeric: true }, { label: t('datasets.preview.header') }, { label: t('datasets.preview.role') }, { label: t('datasets.preview.numberFormat') }]}>
            {imported.mapping.columns.map((c, i) => {
              const header = imported.columnHeaders[i] ?? '';
              return (
                <tr key={i}>
                  <td className="num">{i + 1}</td>
                  <th scope="row">{header || t('datasets.preview.noHeader', { n: i + 1 })}</th>
                  <td>{t(`datasets.roles.${roleOf(c)}`)}</td>
                  <td>
                    {c.kind === 'measure' ? (
                      <>
                        {t(`datasets.numberFormats.${numberFormatChoice(c.numberFormat)}`)}
                        <EvidenceText evidence={imported.numberFormats[header] ?? ''} because={imported.numberFormatReasons?.[header]} />
                      </>
                    ) : (
                      '—'
                    )}
                  </td>
                </tr>
              );
            })}
          </DataTable>
        </>
      )}

      <h3>{t('datasets.details.notes')}</h3>
      {p.notes.length === 0 ? (
        <p>{t('datasets.details.none')}</p>
      ) : (
        <ul data-testid="details-notes">
          {p.notes.map((n, i) => {
            // Notes stored with their phrases read in the UI language; older ones as they were written (English).
            const reason = imported?.noteReasons?.length === p.notes.length ? imported.noteReasons[i] : undefined;
            return <li key={i}>{reason ? say(reason) : imported ? <span lang="en">{n}</span> : n}</li>;
          })}
        </ul>
      )}
      {imported?.sourceSignature && (
        <p className="hint">
          {t('datasets.details.signature')} <code>{imported.sourceSignature.slice(0, 16)}</code>
        </p>
      )}
      <button type="button" className="button" onClick={onClose}>
        {t('datasets.details.close')}
      </button>
    </section>
  );
}
