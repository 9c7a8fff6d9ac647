/** The app's answer-file export (renderer/src/compile/export-answer.ts): what goes into the file from the answer on screen. */
import { describe, expect, it } from 'vitest';
import { parseAnswerFile, verifyAnswerFileHash } from '../../../shared/answer-file';
import { computeAnswer } from '../../../shared/answer/compute-answer';
import { runDemo } from '../../../shared/demo/run-demo';
import { DISCLOSURE_PRESETS } from '../../../shared/disclosure';
import { blankRequest } from '../../../shared/requests/create';
import { answerFileFromApp, answerFileName, regionsWithData } from '../../../renderer/src/compile/export-answer';
import type { Answer } from '../../../renderer/src/answer/answer';

const NOW = new Date('2026-11-30T09:30:00.000Z');

function demoAnswer(): Answer {
  const demo = runDemo();
  return { ...computeAnswer(demo.study, [demo.dataset], { hallandRule: demo.hallandRule }), study: demo.study, datasets: [demo.dataset], hallandRule: demo.hallandRule };
}

describe('answerFileFromApp', () => {
  it('makes a valid, hashed answer file of the chosen regions, saying the data are synthetic', async () => {
    const answer = demoAnswer();
    const file = await answerFileFromApp({ answer, unitName: 'Forum Söder', regions: ['07', '10', '12'], policy: DISCLOSURE_PRESETS.ohdsi, now: NOW });
    expect(file.regions.map((r) => r.region)).toEqual(['07', '10', '12']);
    expect(file.request).toEqual({ reference: answer.study.sponsorReference, title: answer.study.title });
    expect(file.provenance[0]).toMatchObject({ synthetic: true, sha256: answer.datasets[0]!.provenance.sha256 });
    expect(file.createdAt).toBe('2026-11-30T09:30:00.000Z');
    expect(verifyAnswerFileHash(file)).toBe(true);
    expect(parseAnswerFile(JSON.stringify(file)).ok).toBe(true);
    expect(answerFileName(file)).toBe('DEMO-CRC-301-Forum-Söder-2026-11-30.json');
  });

  it('takes the request’s title and only its interested clinics', async () => {
    const answer = demoAnswer();
    const request = {
      ...blankRequest('r1', answer.study.id, NOW),
      title: 'Kolorektalcancer fas III',
      clinics: [
        { id: 'c1', name: 'Kirurgkliniken SUS', region: '12' as const, contact: 'anna@example.se', contactedOn: '2026-11-01', status: 'interested' as const, declineReason: '' },
        { id: 'c2', name: 'Onkologen Växjö', region: '07' as const, contact: 'bo@example.se', contactedOn: '2026-11-01', status: 'declined' as const, declineReason: 'tid' },
      ],
    };
    const file = await answerFileFromApp({ answer, unitName: 'Forum Söder', regions: ['12'], policy: DISCLOSURE_PRESETS.ohdsi, request, now: NOW });
    expect(file.request.title).toBe('Kolorektalcancer fas III');
    expect(file.clinics).toEqual([{ name: 'Kirurgkliniken SUS', region: '12', contact: 'anna@example.se' }]);
    expect(parseAnswerFile(JSON.stringify(file)).ok).toBe(true);
  });

  it('preselects the regions the data covers', async () => {
    const answer = demoAnswer();
    expect(regionsWithData(answer)).toEqual(answer.estimate.regions.filter((r) => r.cells > 0).map((r) => r.region));
    expect(regionsWithData(answer).length).toBe(21);
  });
});
