// Site Feasibility summaries and the contact export, versions and their diff (the Early Feedback Form: feedback-form.test.ts).
import { describe, expect, it } from 'vitest';
import { DEMO_STUDY } from '../../../shared/demo/study';
import { clinicSummaryByRegion, interestedClinicContacts } from '../../../shared/requests/clinics';
import { blankRequest } from '../../../shared/requests/create';
import { diffContents } from '../../../shared/requests/diff';
import type { ClinicContact } from '../../../shared/requests/request';
import { makeVersion, versionIntact } from '../../../shared/requests/version';

const NOW = new Date('2026-03-02T09:00:00Z');

describe('Site Feasibility', () => {
  const clinics: ClinicContact[] = [
    { id: '1', name: 'Onkologen Lund', region: '12', contact: 'Dr A, a@example.se', contactedOn: '2026-03-01', status: 'interested', declineReason: '' },
    { id: '2', name: 'Onkologen Malmö', region: '12', contact: 'Dr B, b@example.se', contactedOn: '2026-03-01', status: 'declined', declineReason: 'Konkurrerande studie' },
    { id: '3', name: 'Karolinska', region: '01', contact: 'Dr C', contactedOn: '2026-03-02', status: 'no-reply', declineReason: '' },
  ];
  it('summarises per region in county-code order', () => {
    expect(clinicSummaryByRegion(clinics)).toEqual([
      { region: '01', contacted: 1, interested: 0, declined: 0, noReply: 1 },
      { region: '12', contacted: 2, interested: 1, declined: 1, noReply: 0 },
    ]);
  });
  it('exports contact details of interested clinics only', () => {
    const rows = interestedClinicContacts(clinics);
    expect(rows).toEqual([{ name: 'Onkologen Lund', region: '12', contact: 'Dr A, a@example.se', contactedOn: '2026-03-01' }]);
    expect(JSON.stringify(rows)).not.toContain('b@example.se');
  });
});

describe('versions', () => {
  const request = blankRequest('r', DEMO_STUDY.id, NOW);
  it('hashes the content, numbers per request and does not share objects with the live request', () => {
    const v = makeVersion({ id: 'v1', request, study: DEMO_STUDY, kind: 'criteria', author: 'Anna', comment: 'Första', previousNumber: 0, now: NOW });
    expect(v).toMatchObject({ number: 1, author: 'Anna', createdAt: NOW.toISOString() });
    expect(v.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(versionIntact(v)).toBe(true);
    request.feedback['care-setting'] = { choice: '', comment: 'ändrat' };
    expect(v.content.answer.feedback['care-setting']).toBeUndefined();
    const tampered = { ...v, content: { ...v.content, study: { ...v.content.study, title: 'x' } } };
    expect(versionIntact(tampered)).toBe(false);
  });

  it('the same content gives the same hash; a changed step changes it and the diff names the field', () => {
    const r = blankRequest('r', DEMO_STUDY.id, NOW);
    const a = makeVersion({ id: 'a', request: r, study: DEMO_STUDY, kind: 'criteria', author: 'A', comment: '', previousNumber: 0, now: NOW });
    const b = makeVersion({ id: 'b', request: r, study: DEMO_STUDY, kind: 'criteria', author: 'B', comment: 'x', previousNumber: 1, now: new Date('2026-03-03T00:00:00Z') });
    expect(b.contentHash).toBe(a.contentHash);
    const steps = DEMO_STUDY.steps.map((s) => (s.id === 'age' ? { ...s, rule: { kind: 'predicate' as const, predicate: { kind: 'age' as const, min: 18, max: 80 } } } : s));
    const c = makeVersion({ id: 'c', request: r, study: { ...DEMO_STUDY, steps }, kind: 'criteria', author: 'B', comment: '', previousNumber: 2, now: NOW });
    expect(c.contentHash).not.toBe(a.contentHash);
    const changed = diffContents(a.content, c.content).filter((row) => row.changed);
    expect(changed).toEqual([{ path: 'study.steps[age].rule.predicate.max', left: '75', right: '80', changed: true }]);
  });

  it('an inserted step is one change, not a shift of every later step', () => {
    const extra = { ...DEMO_STUDY.steps[0]!, id: 'new-step', label: 'Ny' };
    const changed = diffContents({ steps: DEMO_STUDY.steps }, { steps: [extra, ...DEMO_STUDY.steps] }).filter((r) => r.changed);
    expect(changed.every((row) => row.path.startsWith('steps[new-step]'))).toBe(true);
  });
});
