/**
 * The local database (Dexie over IndexedDB). Metadata and columns, never one row per count cell: a dataset is
 * one `datasets` record (name, basis, provenance, dimension dictionaries) plus one `datasetColumns` record
 * holding its typed-array columns.
 *
 * Schema changes: add a new `this.version(n + 1)` with its upgrade function, never edit an old version, and
 * update tests/renderer/db/db-schema.snapshot.json together with a migration test.
 */
import Dexie, { type Table } from 'dexie';
import { splitDataset, type Dataset, type DatasetCells, type DatasetHeader } from '../../../shared/counts/dataset';
import { STUDY_SCHEMA_VERSION, type Study } from '../../../shared/criteria/study';
import { migrateStudy } from '../../../shared/criteria/study-migration';
import { DEMO_STUDY } from '../../../shared/demo/study';
import type { AuditEntry } from '../../../shared/audit/chain';
import { demoRequestFor, requestFromStudy } from '../../../shared/requests/create';
import type { FeasibilityRequest } from '../../../shared/requests/request';
import type { RequestVersion } from '../../../shared/requests/version';
import type { Language } from '../../../shared/text/language';
import { upgradeToVersion3 } from './upgrade-v3';
import type { StudyRecord } from './records';
import { legacyPopulationKey } from './setting-keys';

export const DATABASE_NAME = 'antal';

export interface SettingRecord {
  key: string;
  value: unknown;
}

/** A dataset's header as stored, with the moment it was imported. */
export interface DatasetRecord extends DatasetHeader {
  /** ISO timestamp. */
  importedAt: string;
}

/** A dataset's cells as stored, under the dataset's id. */
export interface DatasetColumnsRecord extends DatasetCells {
  datasetId: string;
}

export type { StudyRecord };

/** A request is the stored FeasibilityRequest itself (shared/requests/request.ts). */
export type RequestRecord = FeasibilityRequest;

/** An immutable version of a request's criteria, assumptions and answers (shared/requests/version.ts). */
export type VersionRecord = RequestVersion;

/** An append-only, hash-chained audit entry (shared/audit/chain.ts); written only through db/audit.ts. */
export type AuditRecord = AuditEntry;

/** A file attached to a request (synopsis PDF and the like), kept locally. */
export interface AttachmentRecord {
  id: string;
  requestId: string;
  fileName: string;
  /** MIME type when known, else ''. */
  mediaType: string;
  size: number;
  /** SHA-256 of the bytes, hex. */
  sha256: string;
  /** ISO timestamp. */
  addedAt: string;
  bytes: Uint8Array;
}

/** An exported PDF letter, kept exactly as sent. */
export interface LetterRecord {
  id: string;
  requestId?: string;
  studyId: string;
  /** ISO timestamp. */
  createdAt: string;
  language: Language;
  /** SHA-256 of `bytes`, hex. */
  sha256: string;
  /** Content hash of the letter model/snapshot it was rendered from. */
  snapshotHash: string;
  bytes: Uint8Array;
  fileName: string;
}

/** Id of the request that presents the demo study (created at first start or by the version 2 migration). */
export const DEMO_REQUEST_ID = 'demo-request';

export class AntalDatabase extends Dexie {
  settings!: Table<SettingRecord, string>;
  datasets!: Table<DatasetRecord, string>;
  datasetColumns!: Table<DatasetColumnsRecord, string>;
  studies!: Table<StudyRecord, string>;
  requests!: Table<RequestRecord, string>;
  versions!: Table<VersionRecord, string>;
  audit!: Table<AuditRecord, number>;
  attachments!: Table<AttachmentRecord, string>;
  letters!: Table<LetterRecord, string>;

  constructor(name: string = DATABASE_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores({
      settings: 'key',
      datasets: 'id, name, importedAt',
      datasetColumns: 'datasetId',
      studies: 'id, title, updatedAt',
    });
    // Version 2: requests from intake to answer, their immutable versions, attachments, sent letters and the
    // hash-chained audit trail. Every study that existed becomes the study of a request, so nothing is orphaned;
    // the demo study becomes the (plainly labelled) demo request.
    this.version(2)
      .stores({
        requests: 'id, status, type, replyDeadline, receivedOn, answeredOn, updatedAt, studyId',
        versions: 'id, requestId, studyId, createdAt, [requestId+number]',
        audit: 'seq, at, kind, requestId',
        attachments: 'id, requestId',
        letters: 'id, requestId, studyId, createdAt',
      })
      .upgrade(async (tx) => {
        const now = new Date();
        const studies = (await tx.table('studies').toArray()) as StudyRecord[];
        const requests = tx.table('requests');
        for (const record of studies) {
          await requests.put(requestForExistingStudy(record, now));
        }
      });
    // Version 3: the request is the one home of its Early Feedback Form answers (moved from the study), and it
    // gets the sponsor's reference, the protocol number and warning acknowledgements (see upgrade-v3.ts).
    this.version(3)
      .stores({})
      .upgrade((tx) => upgradeToVersion3(tx, new Date()));
    // Version 4: studies of schema version 2 (the study's whole basis and the estimate's period, period criteria
    // turned into that period, the age-share assumption with the population table that version 1 kept in the
    // settings). Same tables; every stored study is migrated in place.
    this.version(4)
      .stores({})
      .upgrade(async (tx) => {
      const studies = tx.table('studies');
      const settings = tx.table('settings');
      const datasets = tx.table('datasets');
      for (const record of (await studies.toArray()) as StudyRecord[]) {
        if (record.study.schemaVersion === STUDY_SCHEMA_VERSION) continue;
        const legacyKey = legacyPopulationKey(record.id);
        const legacy = ((await settings.get(legacyKey)) as SettingRecord | undefined)?.value;
        const linked = (await datasets.bulkGet(record.datasetIds)) as (DatasetRecord | undefined)[];
        const study = migrateStudy(record.study, {
          datasetBases: linked.flatMap((d) => (d ? [d.basis] : [])),
          populationTableId: typeof legacy === 'string' ? legacy : null,
        }) as Study;
        await studies.put({ ...record, study });
        await settings.delete(legacyKey);
      }
    });
  }
}

/**
 * A stored study as the current schema version: studies written by an older release (restored from an old
 * backup, say) are migrated when read, with what the database knows about them.
 */
export async function currentStudy(db: AntalDatabase, record: StudyRecord): Promise<Study> {
  if (record.study.schemaVersion === STUDY_SCHEMA_VERSION) return record.study;
  const linked = await db.datasets.bulkGet(record.datasetIds);
  const legacy = await getSetting<unknown>(db, legacyPopulationKey(record.id));
  return migrateStudy(record.study, { datasetBases: linked.flatMap((d) => (d ? [d.basis] : [])), populationTableId: typeof legacy === 'string' ? legacy : null }) as Study;
}

/** Migration to version 2: the request that a study from version 1 belongs to. */
export function requestForExistingStudy(record: StudyRecord, now: Date): RequestRecord {
  const study = { ...record.study, id: record.id };
  if (record.id === DEMO_STUDY.id) return demoRequestFor(study, DEMO_REQUEST_ID, now);
  return requestFromStudy(study, `request-${record.id}`, now);
}

/** Stores a dataset's metadata and columns in one transaction: either both are written or neither. */
export async function saveDataset(db: AntalDatabase, dataset: Dataset, importedAt: Date): Promise<void> {
  await db.transaction('rw', db.datasets, db.datasetColumns, async () => {
    const { header, cells } = splitDataset(dataset);
    await db.datasets.put({ ...header, importedAt: importedAt.toISOString() });
    await db.datasetColumns.put({ ...cells, datasetId: dataset.id });
  });
}

export async function loadDataset(db: AntalDatabase, id: string): Promise<Dataset | undefined> {
  return db.transaction('r', db.datasets, db.datasetColumns, async () => {
    const meta = await db.datasets.get(id);
    const cols = await db.datasetColumns.get(id);
    if (!meta || !cols) return undefined;
    const { importedAt: _importedAt, ...header } = meta;
    const { datasetId: _datasetId, ...cells } = cols;
    return { ...header, ...cells };
  });
}

export async function getSetting<T>(db: AntalDatabase, key: string): Promise<T | undefined> {
  const record = await db.settings.get(key);
  return record?.value as T | undefined;
}

export async function putSetting(db: AntalDatabase, key: string, value: unknown): Promise<void> {
  await db.settings.put({ key, value });
}
