// The diagnostic report the error boundary saves: useful to a developer, and nothing confidential in it.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { blankRequest } from '../../../shared/requests/create';
import { AntalDatabase } from '../../../renderer/src/db/database';
import {
  appFrames,
  buildDiagnosticReport,
  countRows,
  type DiagnosticInput,
  diagnosticFileName,
  renderDiagnosticReport,
  scrubErrorMessage,
} from '../../../renderer/src/ui/diagnostic-report';

const TITLE = 'Hemlig fas III-studie Zolbexitinib';
const SPONSOR = 'Acme Pharma AB';
const ICD = 'C18.7';
const COUNT = '4711';
const ORIGIN = 'http://127.0.0.1:4173';

const dbs: AntalDatabase[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

/** A V8-style stack: app frames, a library frame, a worker blob and a foreign page. */
function stackOf(header: string): string {
  return [
    header,
    `    at RequestHeader (${ORIGIN}/assets/index-Ab12.js:48:24327)`,
    `    at ${ORIGIN}/assets/index-Ab12.js:8:4900`,
    `    at renderWithHooks (${ORIGIN}/node_modules/.vite/deps/react-dom.js:1:2)`,
    `    at blob:${ORIGIN}/6c1f-worker:3:4`,
    '    at https://evil.example/x.js:1:1',
  ].join('\n');
}

function input(error: unknown, counts: Record<string, number>, overrides: Partial<DiagnosticInput> = {}): DiagnosticInput {
  return {
    appVersion: '0.1.0',
    platform: 'web',
    language: 'sv',
    theme: { choice: 'system', resolved: 'dark' },
    pageKind: 'request',
    scope: 'page',
    userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/140.0.0.0',
    time: new Date('2026-03-05T10:00:00Z'),
    error,
    componentStack: `\n    at RequestDetail (${ORIGIN}/assets/index-Ab12.js:49:1357)\n    at ErrorBoundary (${ORIGIN}/assets/index-Ab12.js:49:4480)`,
    appOrigin: ORIGIN,
    tableRowCounts: counts,
    ...overrides,
  };
}

describe('the diagnostic report', () => {
  it('holds none of the confidential request content that was in the error message and the database', async () => {
    const db = new AntalDatabase(`antal-diagnostic-${process.pid}`);
    dbs.push(db);
    const now = new Date('2026-03-01T09:00:00Z');
    await db.requests.put({ ...blankRequest('r-secret', 's-secret', now), title: TITLE, sponsor: SPONSOR, indication: `Kolorektal cancer (${ICD})`, targetPatients: Number(COUNT) });
    const counts = await countRows(db.tables);
    expect(counts['requests']).toBe(1);

    const errors = [
      Object.assign(new Error(`Request "${TITLE}" from ${SPONSOR} has no steps for ${ICD} (${COUNT} patients)`), { stack: stackOf(`Error: Request "${TITLE}"`) }),
      Object.assign(new TypeError(`Cannot read properties of undefined (reading '${ICD}') in ${TITLE}: ${SPONSOR} ${COUNT}`), { stack: stackOf(`TypeError: ${TITLE}`) }),
      Object.assign(new RangeError(`${SPONSOR} ${COUNT} invalid`), { stack: stackOf('RangeError') }),
    ];
    for (const error of errors) {
      const text = renderDiagnosticReport(buildDiagnosticReport(input(error, counts)));
      for (const secret of [TITLE, 'Zolbexitinib', SPONSOR, 'Acme', ICD, 'C18', COUNT, 'r-secret', 's-secret', 'Kolorektal']) {
        expect(text, `${error.name} report contains ${secret}`).not.toContain(secret);
      }
      // …and it still says where the failure was and what the database held.
      const report = JSON.parse(text) as ReturnType<typeof buildDiagnosticReport>;
      expect(report.error.name).toBe(error.name);
      expect(report.error.stack).toEqual(['assets/index-Ab12.js:48:24327', 'assets/index-Ab12.js:8:4900']);
      expect(report.error.componentStack).toEqual(['assets/index-Ab12.js:49:1357', 'assets/index-Ab12.js:49:4480']);
      expect(report.database.tableRowCounts).toMatchObject({ requests: 1, studies: 0, datasets: 0 });
      expect(report.context).toMatchObject({ page: 'request', scope: 'page', time: '2026-03-05T10:00:00.000Z' });
      expect(report.app).toEqual({ version: '0.1.0', platform: 'web', language: 'sv', theme: { choice: 'system', resolved: 'dark' } });
    }
  });

  it('omits the message of our own and libraries’ errors, and keeps only the engine’s standard wording', () => {
    expect(scrubErrorMessage(new Error('Dataset Cancerregistret 2023.csv is empty'))).toBeNull();
    expect(scrubErrorMessage(new TypeError("Cannot read properties of undefined (reading 'length')"))).toBe('Cannot read properties of undefined (reading …)');
    expect(scrubErrorMessage(new TypeError("Cannot read properties of null (reading 'C18.7')"))).toBe('Cannot read properties of null (reading …)');
    expect(scrubErrorMessage(new TypeError('request.sponsor.trim is not a function'))).toBe('… is not a function');
    expect(scrubErrorMessage(new RangeError('Invalid time value'))).toBe('Invalid time value');
    // An engine-typed error with a message the engine does not write (thrown by code, quoting data): omitted.
    expect(scrubErrorMessage(new RangeError('isoDate: not a date: 2026-13-45'))).toBeNull();
    expect(scrubErrorMessage(new TypeError(`${SPONSOR} has no study`))).toBeNull();
    expect(scrubErrorMessage('a thrown string')).toBeNull();
  });

  it('keeps no page id, no crafted error name and no frame outside the app', () => {
    const error = Object.assign(new Error('x'), { name: `Secret ${TITLE}` });
    const report = buildDiagnosticReport(input(error, { 'requests WHERE title': 3, requests: 2 }, { pageKind: 'requests/r-secret' }));
    expect(report.context.page).toBe('unknown');
    expect(report.error.name).toBe('Error');
    expect(report.database.tableRowCounts).toEqual({ requests: 2 });
    expect(appFrames('at f (app://antal/assets/index.js:3:9)\nat g (app://antal/node_modules/x.js:1:1)', 'app://antal')).toEqual(['assets/index.js:3:9']);
    expect(appFrames(undefined, ORIGIN)).toEqual([]);
  });

  it('is saved under a dated file name', () => {
    expect(diagnosticFileName(new Date(2026, 2, 5, 23, 59))).toBe('antal-diagnostik-2026-03-05.json');
  });
});
