/**
 * Edits that were still waiting for their autosave pause when the page went away (a reload, a closed window, a
 * crash of the tab right after typing). The page starts writing them to IndexedDB at `pagehide`, but a browser may
 * tear the page down before that write commits; so the same edits are first put in this small journal in
 * localStorage, which is written synchronously and survives the reload. The next start replays what the journal
 * holds (idempotently: an edit already stored is not written or audited twice) and empties it.
 */
import type { FeasibilityRequest } from '../../../shared/requests/request';
import type { AntalDatabase, StudyRecord } from './database';

export type PendingWrite =
  | { kind: 'study'; record: StudyRecord }
  | { kind: 'request'; before: FeasibilityRequest; after: FeasibilityRequest; summary: string };

const PREFIX = 'antal.pending-write.';

/** The part of the Web Storage API the journal uses (localStorage in the app; a map in tests). */
export type JournalStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

function defaultStorage(): JournalStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

function keyOf(write: PendingWrite): string {
  return `${PREFIX}${write.kind}:${write.kind === 'study' ? write.record.id : write.after.id}`;
}

/** Puts an edit in the journal (synchronously). */
export function journalWrite(write: PendingWrite, storage: JournalStorage | null = defaultStorage()): void {
  try {
    storage?.setItem(keyOf(write), JSON.stringify(write));
  } catch {
    // A full or disabled storage must not stop the page from closing; the IndexedDB write still runs.
  }
}

/** Takes an edit out of the journal once it is stored. */
export function clearJournal(write: PendingWrite, storage: JournalStorage | null = defaultStorage()): void {
  try {
    storage?.removeItem(keyOf(write));
  } catch {
    // Nothing to do: a leftover entry is replayed idempotently.
  }
}

export function journalEntries(storage: JournalStorage | null = defaultStorage()): Array<{ key: string; write: PendingWrite | null }> {
  if (!storage) return [];
  const entries: Array<{ key: string; write: PendingWrite | null }> = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (!key?.startsWith(PREFIX)) continue;
    try {
      entries.push({ key, write: JSON.parse(storage.getItem(key) ?? 'null') as PendingWrite | null });
    } catch {
      entries.push({ key, write: null });
    }
  }
  return entries;
}

export interface ReplayHandlers {
  saveStudy(record: StudyRecord): Promise<unknown>;
  saveRequest(before: FeasibilityRequest, after: FeasibilityRequest, summary: string): Promise<unknown>;
}

/**
 * Writes what the journal holds through the same stores as a normal save (audited), skipping what is already
 * stored, and empties the journal. Resolves to the number of edits written.
 */
export async function replayPendingWrites(db: AntalDatabase, handlers: ReplayHandlers, storage: JournalStorage | null = defaultStorage()): Promise<number> {
  let written = 0;
  for (const { key, write } of journalEntries(storage)) {
    if (write === null) {
      storage?.removeItem(key);
      continue;
    }
    // An edit that fails to replay stays in the journal for the next start: nothing typed is thrown away.
    if (write.kind === 'study') {
      const stored = await db.studies.get(write.record.id);
      if (stored && JSON.stringify(stored.study) !== JSON.stringify(write.record.study) && stored.updatedAt <= write.record.updatedAt) {
        await handlers.saveStudy(write.record);
        written += 1;
      }
    } else {
      const stored = await db.requests.get(write.after.id);
      const fields = (Object.keys(write.after) as Array<keyof FeasibilityRequest>).filter((k) => k !== 'updatedAt' && JSON.stringify(write.before[k]) !== JSON.stringify(write.after[k]));
      if (stored && fields.some((k) => JSON.stringify(stored[k]) !== JSON.stringify(write.after[k]))) {
        await handlers.saveRequest(write.before, write.after, write.summary);
        written += 1;
      }
    }
    storage?.removeItem(key);
  }
  return written;
}
