// Deadlines, the June–August warning, the dashboard order, status changes and turnaround statistics.
import { describe, expect, it } from 'vitest';
import { blankRequest, copyRequest } from '../../../shared/requests/create';
import type { FeasibilityRequest } from '../../../shared/requests/request';
import { median, nearestRankPercentile, turnaroundStatistics } from '../../../shared/requests/statistics';
import { matchesFilter, NO_FILTER, receivedYears } from '../../../shared/requests/search';
import { addMonths, daysBetween, deadlineState, openByDeadline, summerWarnings, touchesSummer, withStatus } from '../../../shared/requests/workflow';

const NOW = new Date('2026-03-02T09:00:00Z');
function request(overrides: Partial<FeasibilityRequest>): FeasibilityRequest {
  return { ...blankRequest(overrides.id ?? 'r', 's', NOW), ...overrides };
}

describe('deadline', () => {
  it('counts calendar days left, negative when overdue', () => {
    expect(deadlineState('2026-03-05', '2026-03-02')).toEqual({ daysLeft: 3, overdue: false });
    expect(deadlineState('2026-03-01', '2026-03-02')).toEqual({ daysLeft: -1, overdue: true });
    expect(deadlineState('2026-03-31', '2026-02-28')).toEqual({ daysLeft: 31, overdue: false });
    expect(deadlineState('not a date', '2026-03-02')).toBeNull();
  });

  it('adds months clamped to the month end', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-09-01', 24)).toBe('2028-09-01');
  });
});

describe('June–August warning', () => {
  it('flags a period that touches the summer on either edge, and not one that does not', () => {
    expect(touchesSummer('2026-05-20', '2026-06-01')).toBe(true);
    expect(touchesSummer('2026-08-31', '2026-09-10')).toBe(true);
    expect(touchesSummer('2026-09-01', '2027-05-31')).toBe(false);
    expect(touchesSummer('2026-01-10', '2026-01-24')).toBe(false);
    expect(touchesSummer('2025-10-01', '2027-02-01')).toBe(true);
  });

  it('names which period touches it: the reply period and/or the recruitment period', () => {
    expect(summerWarnings(request({ receivedOn: '2026-05-25', replyDeadline: '2026-06-08', plannedStart: '', recruitmentMonths: null }))).toEqual(['reply']);
    // Recruitment 1 Sep 2026 for 9 months ends 31 May 2027: no summer.
    expect(summerWarnings(request({ receivedOn: '2026-03-01', replyDeadline: '2026-03-15', plannedStart: '2026-09-01', recruitmentMonths: 9 }))).toEqual([]);
    expect(summerWarnings(request({ receivedOn: '2026-03-01', replyDeadline: '2026-03-15', plannedStart: '2026-09-01', recruitmentMonths: 10 }))).toEqual(['recruitment']);
  });
});

describe('dashboard', () => {
  it('lists open requests only, overdue first, then by nearest deadline', () => {
    const rows = openByDeadline([
      request({ id: 'later', title: 'B', replyDeadline: '2026-03-20' }),
      request({ id: 'done', title: 'C', replyDeadline: '2026-02-01', status: 'answered' }),
      request({ id: 'overdue', title: 'D', replyDeadline: '2026-02-27', status: 'in-progress' }),
      request({ id: 'soon', title: 'A', replyDeadline: '2026-03-04' }),
      request({ id: 'archived', title: 'E', replyDeadline: '2026-01-01', status: 'archived' }),
    ]);
    expect(rows.map((r) => r.id)).toEqual(['overdue', 'soon', 'later']);
  });
});

describe('status changes', () => {
  it('records the answer date once, keeps it when archived, and clears it when reopened', () => {
    const answered = withStatus(request({ receivedOn: '2026-03-02' }), 'answered', '2026-03-09', NOW.toISOString());
    expect(answered.answeredOn).toBe('2026-03-09');
    expect(withStatus(answered, 'answered', '2026-03-20', NOW.toISOString()).answeredOn).toBe('2026-03-09');
    expect(withStatus(answered, 'archived', '2026-04-01', NOW.toISOString()).answeredOn).toBe('2026-03-09');
    expect(withStatus(answered, 'in-progress', '2026-04-01', NOW.toISOString()).answeredOn).toBeUndefined();
  });
});

describe('turnaround statistics', () => {
  it('median averages the two middle values; the 90th percentile is a value that occurred (nearest rank)', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
    expect(nearestRankPercentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBe(9);
    expect(nearestRankPercentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 0.9)).toBe(10);
    expect(nearestRankPercentile([7], 0.9)).toBe(7);
  });

  it('groups answered requests by year answered and type, leaving out open and demo requests', () => {
    const answered = (id: string, type: 'country' | 'site', receivedOn: string, answeredOn: string) => request({ id, type, receivedOn, answeredOn, status: 'answered' });
    const rows = turnaroundStatistics([
      answered('a', 'country', '2026-01-01', '2026-01-06'), // 5
      answered('b', 'country', '2026-02-01', '2026-02-11'), // 10
      answered('c', 'country', '2026-03-01', '2026-03-04'), // 3
      answered('d', 'site', '2026-03-01', '2026-03-15'), // 14
      answered('e', 'country', '2025-12-20', '2026-01-09'), // 20, answered 2026
      answered('f', 'country', '2025-05-01', '2025-05-08'), // 7, 2025
      request({ id: 'open', receivedOn: '2026-01-01' }),
      { ...answered('demo', 'country', '2026-01-01', '2026-12-01'), demo: true },
    ]);
    expect(rows).toEqual([
      { year: 2026, type: 'country', count: 4, medianDays: 7.5, p90Days: 20 },
      { year: 2026, type: 'site', count: 1, medianDays: 14, p90Days: 14 },
      { year: 2025, type: 'country', count: 1, medianDays: 7, p90Days: 7 },
    ]);
  });

  it('daysBetween is calendar days across a DST change', () => {
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
  });
});

describe('search and filters', () => {
  const rows = [
    request({ id: '1', title: 'Fas III kolorektalcancer', sponsor: 'Acme Pharma', receivedOn: '2026-01-10', status: 'in-progress' }),
    request({ id: '2', title: 'Astma hos barn', type: 'site', localReference: 'Dnr 2025/114', receivedOn: '2025-11-03', status: 'answered' }),
  ];
  it('matches every word, ignoring case and diacritics, across the descriptive fields', () => {
    expect(rows.filter((r) => matchesFilter(r, { ...NO_FILTER, text: 'KOLOREKTAL acme' })).map((r) => r.id)).toEqual(['1']);
    expect(rows.filter((r) => matchesFilter(r, { ...NO_FILTER, text: '2025/114' })).map((r) => r.id)).toEqual(['2']);
    expect(rows.filter((r) => matchesFilter(r, { ...NO_FILTER, text: 'astma acme' }))).toEqual([]);
  });
  it('filters by open status, type and year received', () => {
    expect(rows.filter((r) => matchesFilter(r, { ...NO_FILTER, status: 'open' })).map((r) => r.id)).toEqual(['1']);
    expect(rows.filter((r) => matchesFilter(r, { ...NO_FILTER, type: 'site' })).map((r) => r.id)).toEqual(['2']);
    expect(rows.filter((r) => matchesFilter(r, { ...NO_FILTER, year: 2026 })).map((r) => r.id)).toEqual(['1']);
    expect(receivedYears(rows)).toEqual([2026, 2025]);
  });
});

describe('start from a copy', () => {
  it('keeps the description and answers, starts the workflow afresh and remembers the source', () => {
    const source = request({ id: 'old', title: 'Fas II', sponsor: 'Acme', status: 'answered', answeredOn: '2025-02-01', localReference: 'Dnr 1', receivedOn: '2025-01-01', feedback: { 'care-setting': { choice: '', comment: 'Universitetssjukhus' } } });
    const copy = copyRequest(source, 'new', 'study-new', NOW);
    expect(copy).toMatchObject({ id: 'new', studyId: 'study-new', title: 'Fas II', sponsor: 'Acme', status: 'received', receivedOn: '2026-03-02', localReference: '', copiedFrom: 'old' });
    expect(copy.answeredOn).toBeUndefined();
    expect(copy.feedback['care-setting']?.comment).toBe('Universitetssjukhus');
  });
});
