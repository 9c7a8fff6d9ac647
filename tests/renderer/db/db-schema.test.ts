// Guards the IndexedDB schema: a change here without a new Dexie version and migration would lose user data.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AntalDatabase } from '../../../renderer/src/db/database';
import { deleteDatabases, freshDb as freshTestDb } from './test-databases';

const snapshotPath = resolve(__dirname, 'db-schema.snapshot.json');
afterEach(deleteDatabases);
const freshDb = (): AntalDatabase => freshTestDb('schema');

describe('database schema', () => {
  it('matches the reviewed snapshot (update db-schema.snapshot.json only together with a new version and a migration test)', async () => {
    const db = freshDb();
    await db.open();
    const actual = {
      version: db.verno,
      tables: db.tables
        .map((t) => ({ name: t.name, primaryKey: t.schema.primKey.src, indexes: t.schema.indexes.map((i) => i.src).sort() }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    };
    const expected = JSON.parse(readFileSync(snapshotPath, 'utf8')) as unknown;
    expect(actual).toEqual(expected);
  });
});
