// Feasibility requests: the open ones by deadline, the whole list with search and filters, turnaround statistics.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FeasibilityRequest } from '../../../shared/requests/request';
import { REQUEST_STATUSES, REQUEST_TYPES } from '../../../shared/requests/request';
import { matchesFilter, NO_FILTER, receivedYears, type RequestFilter } from '../../../shared/requests/search';
import { turnaroundStatistics } from '../../../shared/requests/statistics';
import { openByDeadline, summerWarnings } from '../../../shared/requests/workflow';
import { useServices } from '../context';
import { formatCount, formatDecimal } from '../format';
import { ConfidentialityMark, DeadlineText, useToday } from './common';
import { SelectField, TextField } from './fields';
import { useCreateRequest } from './new-request';
import { EmptyState } from '../ui/EmptyState';
import { DataTable } from '../ui/DataTable';
import { StatusLine, Loading } from '../ui/StatusLine';

export interface RequestsPageProps {
  onOpenRequest: (requestId: string) => void;
  /** Where a new blank request goes (the guided answer); without it, to the request's page like a copy. */
  onCreated?: (requestId: string) => void;
  onOpenAudit: () => void;
}

export function RequestsPage({ onOpenRequest, onCreated, onOpenAudit }: RequestsPageProps) {
  const { t } = useTranslation();
  const { db } = useServices();
  const createRequest = useCreateRequest();
  const [requests, setRequests] = useState<FeasibilityRequest[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [copySource, setCopySource] = useState('');

  useEffect(() => {
    let live = true;
    void db.requests
      .orderBy('receivedOn')
      .reverse()
      .toArray()
      .then((rows) => live && setRequests(rows));
    return () => {
      live = false;
    };
  }, [db]);

  const create = useCallback(
    async (copyOf?: FeasibilityRequest) => {
      setError(null);
      try {
        const request = await createRequest(copyOf);
        (copyOf ? onOpenRequest : (onCreated ?? onOpenRequest))(request.id);
      } catch (e) {
        setError(t('requests.errors.create', { detail: e instanceof Error ? e.message : String(e) }));
      }
    },
    [createRequest, onOpenRequest, onCreated, t],
  );

  return (
    <section aria-labelledby="requests-title">
      <h1 id="requests-title">{t('requests.title')}</h1>
      <p>{t('requests.intro')}</p>
      <div className="form-actions">
        <button type="button" className="button primary" onClick={() => void create()}>
          {t('requests.new')}
        </button>
        <button type="button" className="button" onClick={onOpenAudit}>
          {t('requests.audit.open')}
        </button>
      </div>
      {requests && requests.length > 0 && (
        <div className="form-actions">
          <SelectField
            label={t('requests.copy.label')}
            value={copySource}
            options={[{ value: '', label: t('requests.copy.choose') }, ...requests.map((r) => ({ value: r.id, label: r.title || t('requests.untitled') }))]}
            onChange={setCopySource}
          />
          <button
            type="button"
            className="button"
            disabled={!copySource}
            onClick={() => {
              const source = requests.find((r) => r.id === copySource);
              if (source) void create(source);
            }}
          >
            {t('requests.copy.start')}
          </button>
        </div>
      )}
      {error && (
        <StatusLine error>
          {error}
        </StatusLine>
      )}
      {requests === null ? (
        <Loading />
      ) : requests.length === 0 ? (
        <EmptyState testId="requests-empty" title={t('actions.empty.requests.title')} next={t('actions.empty.requests.next')} action={{ label: t('actions.empty.requests.action'), onPress: () => void create() }} />
      ) : (
        <>
          <Dashboard requests={requests} onOpen={onOpenRequest} />
          <RequestList requests={requests} onOpen={onOpenRequest} />
          <TurnaroundStatistics requests={requests} />
        </>
      )}
    </section>
  );
}

function Dashboard({ requests, onOpen }: { requests: FeasibilityRequest[]; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const today = useToday();
  const open = openByDeadline(requests);
  return (
    <section aria-labelledby="dashboard-title" className="panel" data-testid="dashboard">
      <h2 id="dashboard-title">{t('requests.dashboard.title')}</h2>
      {open.length === 0 ? (
        <p>{t('requests.dashboard.empty')}</p>
      ) : (
        <ol>
          {open.map((r) => (
            <li key={r.id}>
              <a
                href={`#/requests/${encodeURIComponent(r.id)}`}
                onClick={(e) => {
                  e.preventDefault();
                  onOpen(r.id);
                }}
              >
                {r.title || t('requests.untitled')}
              </a>{' '}
              — {t('requests.dashboard.due', { date: r.replyDeadline })}, <DeadlineText request={r} today={today} /> · {t(`requests.status.${r.status}`)}
              {summerWarnings(r).length > 0 && <span className="badge">{t('requests.dashboard.summer')}</span>}{' '}
              <ConfidentialityMark request={r} />
              {r.demo && <span className="badge badge-demo">{t('app.demoBadge')}</span>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function RequestList({ requests, onOpen }: { requests: FeasibilityRequest[]; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const { language } = useServices();
  const [filter, setFilter] = useState<RequestFilter>(NO_FILTER);
  const years = useMemo(() => receivedYears(requests), [requests]);
  const shown = requests.filter((r) => matchesFilter(r, filter));
  return (
    <section aria-labelledby="request-list-title">
      <h2 id="request-list-title">{t('requests.list.title')}</h2>
      <div className="field-row" role="search" aria-label={t('requests.filters.label')}>
        <TextField type="search" label={t('requests.filters.search')} value={filter.text} onChange={(text) => setFilter({ ...filter, text })} />
        <SelectField
          label={t('requests.filters.status')}
          value={filter.status}
          options={[
            { value: 'all', label: t('requests.filters.all') },
            { value: 'open', label: t('requests.filters.open') },
            ...REQUEST_STATUSES.map((s) => ({ value: s, label: t(`requests.status.${s}`) })),
          ]}
          onChange={(status) => setFilter({ ...filter, status })}
        />
        <SelectField
          label={t('requests.filters.type')}
          value={filter.type}
          options={[{ value: 'all', label: t('requests.filters.all') }, ...REQUEST_TYPES.map((v) => ({ value: v, label: t(`requests.type.${v}`) }))]}
          onChange={(type) => setFilter({ ...filter, type })}
        />
        <SelectField
          label={t('requests.filters.year')}
          value={filter.year === null ? 'all' : String(filter.year)}
          options={[{ value: 'all', label: t('requests.filters.all') }, ...years.map((y) => ({ value: String(y), label: String(y) }))]}
          onChange={(year) => setFilter({ ...filter, year: year === 'all' ? null : Number(year) })}
        />
      </div>
      <StatusLine testId="request-count">
        {t('requests.filters.count', { shown: formatCount(shown.length, language), total: formatCount(requests.length, language) })}
      </StatusLine>
      <DataTable testId="requests-table" columns={[{ label: t('requests.columns.title') }, { label: t('requests.columns.type') }, { label: t('requests.columns.reference') }, { label: t('requests.columns.status') }, { label: t('requests.columns.owner') }, { label: t('requests.columns.deadline') }, { label: t('requests.columns.confidentiality') }]}>
        {shown.map((r) => (
          <tr key={r.id}>
            <th scope="row">
              <a
                href={`#/requests/${encodeURIComponent(r.id)}`}
                onClick={(e) => {
                  e.preventDefault();
                  onOpen(r.id);
                }}
              >
                {r.title || t('requests.untitled')}
              </a>
              {r.demo && <span className="badge badge-demo">{t('app.demoBadge')}</span>}
            </th>
            <td>{t(`requests.type.${r.type}`)}</td>
            <td>{r.localReference}</td>
            <td>{t(`requests.status.${r.status}`)}</td>
            <td>{r.owner}</td>
            <td>{r.replyDeadline}</td>
            <td>
              <ConfidentialityMark request={r} />
            </td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}

function TurnaroundStatistics({ requests }: { requests: FeasibilityRequest[] }) {
  const { t } = useTranslation();
  const { language } = useServices();
  const rows = turnaroundStatistics(requests);
  return (
    <section aria-labelledby="turnaround-title" data-testid="turnaround">
      <h2 id="turnaround-title">{t('requests.stats.title')}</h2>
      <p className="hint">{t('requests.stats.method')}</p>
      {rows.length === 0 ? (
        <p>{t('requests.stats.empty')}</p>
      ) : (
        <DataTable testId="turnaround-table" columns={[{ label: t('requests.stats.year') }, { label: t('requests.stats.type') }, { label: t('requests.stats.count'), numeric: true }, { label: t('requests.stats.median'), numeric: true }, { label: t('requests.stats.p90'), numeric: true }]}>
          {rows.map((row) => (
            <tr key={`${row.year}-${row.type}`}>
              <th scope="row">{row.year}</th>
              <td>{t(`requests.type.${row.type}`)}</td>
              <td className="num">{formatCount(row.count, language)}</td>
              <td className="num">{formatDecimal(row.medianDays, language)}</td>
              <td className="num">{formatCount(row.p90Days, language)}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
