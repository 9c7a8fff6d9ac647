/**
 * Databases for the tests: fresh ones under names no other test uses (deleted after each test), and databases as
 * earlier releases declared them, which the migration tests fill and then open with today's schema.
 */
import Dexie from 'dexie';
import { AntalDatabase } from '../../../renderer/src/db/database';

let counter = 0;
const open: AntalDatabase[] = [];
const named: string[] = [];

/** Today's database under a fresh name; `deleteDatabases` removes it. */
export function freshDb(prefix: string): AntalDatabase {
  const db = new AntalDatabase(freshDatabaseName(prefix));
  open.push(db);
  return db;
}

/** A fresh database name (for a database opened with an earlier schema); `deleteDatabases` removes it. */
export function freshDatabaseName(prefix: string): string {
  const name = `antal-${prefix}-${process.pid}-${counter++}`;
  named.push(name);
  return name;
}

/** Deletes every database made by this module since the last call (use as `afterEach(deleteDatabases)`). */
export async function deleteDatabases(): Promise<void> {
  for (const db of open.splice(0)) await db.delete();
  for (const name of named.splice(0)) await Dexie.delete(name);
}

/** The stores each released version declared, version 1 first, exactly as released (version 3 changed no index). */
const RELEASED_STORES: readonly Record<string, string>[] = [
  { settings: 'key', datasets: 'id, name, importedAt', datasetColumns: 'datasetId', studies: 'id, title, updatedAt' },
  {
    requests: 'id, status, type, replyDeadline, receivedOn, answeredOn, updatedAt, studyId',
    versions: 'id, requestId, studyId, createdAt, [requestId+number]',
    audit: 'seq, at, kind, requestId',
    attachments: 'id, requestId',
    letters: 'id, requestId, studyId, createdAt',
  },
  {},
];

/** The database `name` with the schema of released version `version` (1 to 3), not yet opened. */
export function releasedDatabase(name: string, version: 1 | 2 | 3): Dexie {
  const db = new Dexie(name);
  for (let v = 1; v <= version; v++) db.version(v).stores(RELEASED_STORES[v - 1]!);
  return db;
}
