// The first answer started before React draws: the worker is sent the first screen's study as soon as the database
// holds it, and the workspace adopts that worker with every reply it gave in the meantime, in order, once.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Dataset } from '../../../shared/counts/dataset';
import { createDemoDataset, DEMO_DATASET_ID } from '../../../shared/demo/dataset';
import { loadDataset } from '../../../renderer/src/db/database';
import { DEMO_STUDY } from '../../../shared/demo/study';
import { seedDemoIfNew } from '../../../renderer/src/db/seed';
import { deleteDatabases, freshDb } from '../db/test-databases';
import { sendFirstAnswer, startEstimateWorker, takeFirstAnswer, warmFirstAnswer } from '../../../renderer/src/study/first-answer';
import type { FromWorker, ToWorker } from '../../../renderer/src/study/estimate-protocol';

/** Stands in for the browser's Worker (Node has none): records what it is sent, and replies when told to. */
class RecordingWorker {
  static last: RecordingWorker | null = null;
  sent: ToWorker[] = [];
  terminated = false;
  onmessage: ((event: { data: FromWorker }) => void) | null = null;
  onerror: ((event: { message: string }) => void) | null = null;
  constructor() {
    RecordingWorker.last = this;
  }
  postMessage(message: ToWorker): void {
    this.sent.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  reply(message: FromWorker): void {
    this.onmessage?.({ data: message });
  }
}

const realWorker = (globalThis as { Worker?: unknown }).Worker;
afterEach(async () => {
  (globalThis as { Worker?: unknown }).Worker = realWorker;
  await deleteDatabases();
});

const result = (revision: number, millis: number): FromWorker => ({ type: 'error', revision, message: `answer ${revision} after ${millis} ms` });

describe('the first answer, started before the app draws', () => {
  it('sends the stored study, its datasets and the date as revision 1, and hands every early reply to the workspace once, in order', async () => {
    (globalThis as { Worker?: unknown }).Worker = RecordingWorker;
    const db = freshDb('first-answer');
    startEstimateWorker(db, undefined);
    const worker = RecordingWorker.last!;
    expect(worker.sent).toEqual([]);
    await seedDemoIfNew(db, () => ({ dataset: createDemoDataset(), study: DEMO_STUDY }), new Date('2026-03-14T08:00:00Z'));
    sendFirstAnswer('2026-03-14');

    // Another study or another database does not get this worker.
    expect(takeFirstAnswer(db, 'some-other-study')).toBeNull();
    expect(takeFirstAnswer(freshDb('first-answer-other'), undefined)).toBeNull();

    const taken = takeFirstAnswer(db, undefined)!;
    expect(taken).not.toBeNull();
    expect(takeFirstAnswer(db, undefined)).toBeNull(); // taken once
    const inputs = await taken.inputs;
    expect(inputs?.record.study.id).toBe(DEMO_STUDY.id);
    expect(worker.sent.map((m) => m.type)).toEqual(['datasets', 'compute']);
    const [datasets, compute] = worker.sent as [Extract<ToWorker, { type: 'datasets' }>, Extract<ToWorker, { type: 'compute' }>];
    expect(datasets.datasets.map((d) => d.id)).toEqual([createDemoDataset().id]);
    expect(compute).toMatchObject({ revision: 1, today: '2026-03-14', study: { id: DEMO_STUDY.id } });
    expect(taken.revision).toBe(1);

    // Replies before the workspace listens are kept; later ones go straight to it.
    worker.reply(result(1, 10));
    worker.reply(result(2, 20));
    const seen: string[] = [];
    taken.listen(
      (message) => seen.push(message.type === 'error' ? message.message : 'result'),
      (message) => seen.push(`failed: ${message}`),
    );
    expect(seen).toEqual(['answer 1 after 10 ms', 'answer 2 after 20 ms']);
    worker.reply(result(3, 30));
    expect(seen).toEqual(['answer 1 after 10 ms', 'answer 2 after 20 ms', 'answer 3 after 30 ms']);
    expect(worker.terminated).toBe(false);
  });

  it('at a first start sends the demo just stored from memory, and it is the dataset the database holds', async () => {
    (globalThis as { Worker?: unknown }).Worker = RecordingWorker;
    const db = freshDb('first-answer-seeded');
    startEstimateWorker(db, undefined);
    const worker = RecordingWorker.last!;
    let generated: Dataset | null = null;
    expect(await seedDemoIfNew(db, () => ({ dataset: (generated = createDemoDataset()), study: DEMO_STUDY }), new Date('2026-03-14T08:00:00Z'))).toBe(true);
    // A dataset the study does not link is not sent, even when held in memory.
    const unlinked = { ...createDemoDataset(), id: 'not-linked' };
    sendFirstAnswer('2026-03-14', [unlinked, generated!]);
    const taken = takeFirstAnswer(db, undefined)!;
    const inputs = await taken.inputs;
    const sent = (worker.sent[0] as Extract<ToWorker, { type: 'datasets' }>).datasets;
    expect(sent).toHaveLength(1);
    expect(sent[0]).toBe(generated); // not read back
    expect(inputs?.datasets[0]).toBe(generated);
    // …and equal, cell for cell, to what the database returns when it is read.
    expect(sent[0]).toEqual(await loadDataset(db, DEMO_DATASET_ID));
    taken.listen(() => undefined, () => undefined);
  });

  it('at a first start gives the worker the demo before it is stored, and when the stored study asks the same question its answer is the first answer (not computed twice)', async () => {
    (globalThis as { Worker?: unknown }).Worker = RecordingWorker;
    const db = freshDb('first-answer-warm');
    startEstimateWorker(db, undefined);
    const worker = RecordingWorker.last!;
    let generated: Dataset | null = null;
    await seedDemoIfNew(
      db,
      () => {
        generated = createDemoDataset();
        warmFirstAnswer([generated], DEMO_STUDY, '2026-03-14');
        // Posted before the demo is written: nothing is stored yet.
        expect(worker.sent.map((m) => (m.type === 'compute' ? `compute ${m.revision}` : m.type))).toEqual(['datasets', 'compute 0']);
        return { dataset: generated, study: DEMO_STUDY };
      },
      new Date('2026-03-14T08:00:00Z'),
    );
    sendFirstAnswer('2026-03-14', [generated!]);
    const taken = takeFirstAnswer(db, undefined)!;
    await taken.inputs;
    // The stored study is the demo the warm-up computed, on the same dataset objects, with the same rule and date:
    // nothing more is sent, and the warm-up's reply comes to the workspace as revision 1, once.
    expect(worker.sent.map((m) => (m.type === 'compute' ? `compute ${m.revision}` : m.type))).toEqual(['datasets', 'compute 0']);
    const seen: string[] = [];
    taken.listen(
      (message) => seen.push(`${message.revision}: ${message.type === 'error' ? message.message : 'result'}`),
      (message) => seen.push(`failed: ${message}`),
    );
    expect(seen).toEqual([]);
    worker.reply(result(0, 150));
    expect(seen).toEqual(['1: answer 0 after 150 ms']);
    worker.reply(result(2, 9)); // an edit's answer follows as it comes
    expect(seen).toEqual(['1: answer 0 after 150 ms', '2: answer 2 after 9 ms']);
  });

  it('hands over a warm-up reply that came before the stored study was read', async () => {
    (globalThis as { Worker?: unknown }).Worker = RecordingWorker;
    const db = freshDb('first-answer-warm-early');
    startEstimateWorker(db, undefined);
    const worker = RecordingWorker.last!;
    const generated = createDemoDataset();
    warmFirstAnswer([generated], DEMO_STUDY, '2026-03-14');
    worker.reply(result(0, 150)); // before anything is stored or asked
    await seedDemoIfNew(db, () => ({ dataset: generated, study: DEMO_STUDY }), new Date('2026-03-14T08:00:00Z'));
    sendFirstAnswer('2026-03-14', [generated]);
    const taken = takeFirstAnswer(db, undefined)!;
    await taken.inputs;
    const seen: string[] = [];
    taken.listen((message) => seen.push(`${message.revision}: ${message.type === 'error' ? message.message : 'result'}`), () => undefined);
    expect(seen).toEqual(['1: answer 0 after 150 ms']);
    expect(worker.sent.filter((m) => m.type === 'compute')).toHaveLength(1);
  });

  it('asks again, and drops the warm-up answer, when the stored question differs from the warm-up one (another date, another study)', async () => {
    for (const [name, warmToday, warmStudy] of [
      ['date', '2026-03-13', DEMO_STUDY],
      ['study', '2026-03-14', { ...DEMO_STUDY, title: `${DEMO_STUDY.title} (edited)` }],
    ] as const) {
      (globalThis as { Worker?: unknown }).Worker = RecordingWorker;
      const db = freshDb(`first-answer-warm-differs-${name}`);
      startEstimateWorker(db, undefined);
      const worker = RecordingWorker.last!;
      const generated = createDemoDataset();
      warmFirstAnswer([generated], warmStudy, warmToday);
      await seedDemoIfNew(db, () => ({ dataset: generated, study: DEMO_STUDY }), new Date('2026-03-14T08:00:00Z'));
      sendFirstAnswer('2026-03-14', [generated]);
      const taken = takeFirstAnswer(db, undefined)!;
      await taken.inputs;
      expect(worker.sent.map((m) => (m.type === 'compute' ? `compute ${m.revision}` : m.type)), name).toEqual(['datasets', 'compute 0', 'compute 1']);
      expect(worker.sent[2], name).toMatchObject({ study: { id: DEMO_STUDY.id, title: DEMO_STUDY.title }, today: '2026-03-14' });
      const seen: string[] = [];
      taken.listen((message) => seen.push(`${message.revision}: ${message.type === 'error' ? message.message : 'result'}`), () => undefined);
      worker.reply(result(0, 150)); // the warm-up's answer: nobody's
      worker.reply(result(1, 12));
      expect(seen, name).toEqual(['1: answer 1 after 12 ms']);
    }
  });

  it('sends the stored datasets when they are not the objects the warm-up posted', async () => {
    (globalThis as { Worker?: unknown }).Worker = RecordingWorker;
    const db = freshDb('first-answer-warm-other');
    startEstimateWorker(db, undefined);
    const worker = RecordingWorker.last!;
    warmFirstAnswer([createDemoDataset()], DEMO_STUDY, '2026-03-14');
    await seedDemoIfNew(db, () => ({ dataset: createDemoDataset(), study: DEMO_STUDY }), new Date('2026-03-14T08:00:00Z'));
    sendFirstAnswer('2026-03-14'); // read back from the database: other objects than the warm-up's
    await takeFirstAnswer(db, undefined)!.inputs;
    expect(worker.sent.map((m) => (m.type === 'compute' ? `compute ${m.revision}` : m.type))).toEqual(['datasets', 'compute 0', 'datasets', 'compute 1']);
    const resent = worker.sent[2] as Extract<ToWorker, { type: 'datasets' }>;
    expect(resent.datasets[0]).toEqual(await loadDataset(db, DEMO_DATASET_ID));
  });

  it('reports a worker that failed to start before the workspace took it', async () => {
    (globalThis as { Worker?: unknown }).Worker = RecordingWorker;
    const db = freshDb('first-answer-fail');
    startEstimateWorker(db, 'a-study');
    const worker = RecordingWorker.last!;
    sendFirstAnswer('2026-03-14');
    worker.onerror?.({ message: 'SyntaxError in estimate.worker.js' });
    const taken = takeFirstAnswer(db, 'a-study')!;
    expect(await taken.inputs).toBeNull(); // no such study: nothing was sent
    expect(worker.sent).toEqual([]);
    const failures: string[] = [];
    taken.listen(() => undefined, (message) => failures.push(message));
    expect(failures).toEqual(['SyntaxError in estimate.worker.js']);
  });
});
