/**
 * One user setting, defined once: the key it is stored under in the database's settings table, what nothing stored
 * means, how a stored value is read back (leniently or strictly, chosen per setting), what may be saved, and the
 * audit entry a change writes. Every setting of the app is defined in this folder and read and written through
 * `loadSetting`/`saveSetting`, so a key, a default or a validation rule cannot differ between two readers.
 *
 * Lenient: a value that is not understood (edited by hand, written by an older or newer version) reads as the
 * default, because a wrong guess costs the user nothing they cannot see and change back (the language, a switch).
 * Strict: such a value throws an error naming the problem, because a silent default would change what goes out
 * (the disclosure policy a letter is written under).
 */
import type { AuditInput } from '../../../shared/audit/chain';
import { appendAudit, auditTables } from '../db/audit';
import type { AntalDatabase } from '../db/database';

export interface Setting<T> {
  /** The settings table's key; never renamed, or stored choices are lost on upgrade. */
  readonly key: string;
  /** Lenient: an unreadable stored value reads as `fallback`. Strict: `read` throws, naming the problem. */
  readonly rule: 'lenient' | 'strict';
  /** The value while nothing is stored. */
  readonly fallback: T;
  /** The value in what is stored (`undefined` when nothing is). */
  read(stored: unknown): T;
  /** The problems that refuse a value before it is stored (none: any value of the type may be stored). */
  problems?(value: T): string[];
  /**
   * The audit entry a change writes in the same transaction as the value, or null when the change is not worth an
   * entry; a setting with `audit: null` is never audited, and its definition says why.
   */
  readonly audit: ((value: T, before: T, say: AuditSay) => AuditInput | null) | null;
}

/**
 * The caller's translator (react-i18next's `t`): an audit entry's summary is written once, in the language the user
 * works in, and then kept as written (it is part of the hashed trail).
 */
export type AuditSay = (key: string, params?: Record<string, string | number>) => string;

/** Declares a setting; lenient ones get the fallback for anything `read` does not accept. */
export function defineSetting<T>(setting: Setting<T>): Setting<T> {
  return setting;
}

/** A lenient reader: the stored value when `accepts` says it is one, the fallback otherwise. */
export function lenient<T>(fallback: T, accepts: (stored: unknown) => stored is T): (stored: unknown) => T {
  return (stored) => (accepts(stored) ? stored : fallback);
}

/** The stored value of a setting (its fallback when nothing is stored); a strict setting throws on an unusable one. */
export async function loadSetting<T>(db: AntalDatabase, setting: Setting<T>): Promise<T> {
  const record = await db.settings.get(setting.key);
  return setting.read(record?.value);
}

/** A setting's value was refused before anything was stored. */
export class SettingRefused extends Error {
  constructor(
    readonly key: string,
    readonly problems: string[],
  ) {
    super(problems.join(' '));
    this.name = 'SettingRefused';
  }
}

/**
 * Stores a value and its audit entry in one transaction (both or neither). A value the setting refuses throws
 * SettingRefused and stores nothing. Pass the caller's transaction tables (`settingTables`) to save inside it.
 */
export async function saveSetting<T>(db: AntalDatabase, setting: Setting<T>, value: T, say?: AuditSay): Promise<void> {
  // An audited setting's entry needs the user's words; a caller without them is a programming error, caught before
  // anything is stored.
  if (setting.audit && !say) throw new Error(`saveSetting: "${setting.key}" is audited and needs the caller's translator`);
  const problems = setting.problems?.(value) ?? [];
  if (problems.length > 0) throw new SettingRefused(setting.key, problems);
  await db.transaction('rw', settingTables(db), async () => {
    const audit = setting.audit;
    // The value before is read only for an audited setting; a strict one that cannot be read is being replaced.
    const before = audit ? await loadSetting(db, setting).catch(() => setting.fallback) : setting.fallback;
    await db.settings.put({ key: setting.key, value });
    const entry = audit && say ? audit(value, before, say) : null;
    if (entry) await appendAudit(db, entry);
  });
}

/** The tables `saveSetting` writes, for a caller that saves a setting inside its own transaction. */
export function settingTables(db: AntalDatabase) {
  return auditTables(db);
}
