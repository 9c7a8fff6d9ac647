/**
 * Every word `antal verify` prints, in Swedish (the default) and English: headings, the name of each check and
 * every detail, so a Swedish report has no English in it. Numbers are grouped the Swedish way in Swedish.
 */
import type { AuditFindingProblem } from '../../shared/audit/anchor';
import type { BackupCheckName } from '../../shared/backup/inspect-backup';
import { knownTableName } from '../../shared/backup/table-names';
import type { Language } from '../../shared/text/language';

export type VerifiedKind = 'answer-file' | 'compiled-answer' | 'snapshot' | 'letter' | 'backup';
export type CheckName = BackupCheckName | 'content-hash' | 'snapshot-hash' | 'letter-bytes' | 'audit-anchor' | 'anchor';

type Params = Record<string, string | number>;

const group = (language: Language, n: number): string => new Intl.NumberFormat(language === 'sv' ? 'sv-SE' : 'en-GB').format(n).replace(/\u00a0/g, ' ');

function fill(template: string, params: Params, language: Language): string {
  return template.replace(/\{(\w+)\}/g, (_m, key: string) => {
    const value = params[key];
    if (value === undefined) throw new Error(`verify text: no value for {${key}} in "${template}"`);
    return typeof value === 'number' ? group(language, value) : value;
  });
}

const sv = {
  ok: '{file}: OK – {kind}',
  failed: '{file}: VERIFIERING MISSLYCKADES – {kind}',
  'kind.answer-file': 'svarsfil',
  'kind.compiled-answer': 'sammanställt svar',
  'kind.snapshot': 'svarsögonblicksbild',
  'kind.letter': 'brev (PDF)',
  'kind.backup': 'säkerhetskopia',

  'check.content-hash': 'innehållshash',
  'check.snapshot-hash': 'ögonblicksbildens hash',
  'check.letter-bytes': 'brevets byte',
  'check.audit-anchor': 'granskningsankare',
  'check.anchor': 'mot {file}',
  'check.format': 'format',
  'check.length': 'längd',
  'check.checksum': 'kontrollsumma',
  'check.payload': 'innehåll',
  'check.row-counts': 'antal rader',
  'check.audit-trail': 'granskningslogg',
  'check.header-head': 'loggens huvud enligt filhuvudet',

  'content.ok': 'innehållet stämmer med {hash}',
  'answer-file.mismatch': 'innehållshashen stämmer inte: filen anger {stated}, innehållet ger {actual} – filen har ändrats efter exporten',
  'compiled.mismatch': 'innehållshashen stämmer inte: filen anger {stated} – filen har ändrats efter sammanställningen',
  'snapshot.ok': 'ögonblicksbildens innehåll stämmer med {hash}',
  'snapshot.mismatch': 'ögonblicksbildens innehållshash stämmer inte: den anger {stated} – ögonblicksbilden har ändrats',
  'letter.ok': 'brevet är exakt det som ögonblicksbilden ger (SHA-256 {sha})',
  'letter.sameContent': 'brevet är det som ögonblicksbilden ger, objekt för objekt och med samma innehåll i varje ström; bara komprimeringen skiljer sig (brevet gjordes av en annan version av Antal; SHA-256 {sha})',
  'letter.mismatch': 'brevet skiljer sig från det ögonblicksbilden ger: SHA-256 {sha}, väntat {expected} – PDF-filen har ändrats eller gjorts från en annan ögonblicksbild',
  'letter.notChecked': 'inte kontrollerat: ange ögonblicksbilden brevet gjordes från med --snapshot',
  'anchor.made': 'gjord vid granskningsloggens post {seq} ({hash})',
  'anchor.none': 'bär inget granskningsankare (gjord utanför appen, innan loggen hade någon post eller av en äldre version)',
  'anchor.malformed': 'granskningsankaret i filen går inte att läsa: {raw}',
  'anchor.pdfVsSnapshot': 'PDF-filens metadata anger post {pdf}, ögonblicksbilden post {snapshot}',

  'format.ok': 'Antal-säkerhetskopia, format 1',
  'format.empty': 'filen är tom (0 byte)',
  'format.not-a-backup': 'filen börjar inte med "ANTAL-BACKUP/1"',
  'format.unsupported': 'formatet {found} kan den här versionen inte läsa',
  'format.bad-header': 'filhuvudet går inte att läsa: {detail}',
  'length.ok': '{bytes} byte innehåll, som filhuvudet anger',
  'length.truncated': 'avkortad: {actual} byte innehåll, filhuvudet anger {declared} ({missing} byte saknas) – filen har klippts av',
  'length.grew.intact': 'har vuxit: {actual} byte innehåll, filhuvudet anger {declared} ({extra} byte har lagts till efter); den angivna delen är oförändrad',
  'length.grew.changed': 'har vuxit: {actual} byte innehåll, filhuvudet anger {declared} ({extra} byte har lagts till efter); även den angivna delen har ändrats',
  'checksum.ok': 'innehållets SHA-256 stämmer med {sha}',
  'checksum.mismatch': 'SHA-256 {actual}, filhuvudet anger {declared} – innehållet har ändrats',
  'payload.ok': 'en Dexie-export som går att läsa',
  'payload.unreadable': 'innehållet går inte att läsa: {detail}',
  'rows.ok': '{tables} tabeller, {rows} rader, som filhuvudet anger',
  'rows.notChecked': 'inte kontrollerat: innehållet går inte att läsa',
  'rows.header': 'tabell {table}: {actual} rader, filhuvudet anger {declared}',
  'rows.export': 'tabell {table}: {actual} rader, exportens egen räkning anger {declared}',
  'rows.missing': 'tabell {table}: finns inte i innehållet, filhuvudet anger {declared} rader',
  'rows.undeclared': 'tabell {table}: {actual} rader som filhuvudet inte nämner',
  'trail.ok': '{entries} poster i obruten kedja fram till det sparade huvudet (post {seq})',
  'trail.okNoHead': '{entries} poster i obruten kedja (inget sparat huvud att jämföra med)',
  'trail.empty': 'loggen är tom',
  'trail.noTable': 'säkerhetskopian har ingen granskningslogg (gjord innan loggen fanns)',
  'trail.notChecked': 'inte kontrollerat: innehållet går inte att läsa',
  'trail.altered': 'post {seq} har ändrats (dess hash stämmer inte med innehållet)',
  'trail.broken-link': 'post {seq} pekar inte på posten före (en post före den har tagits bort eller ersatts)',
  'trail.missing-entries': 'poster saknas före post {seq} (numreringen hoppar)',
  'trail.truncated': 'loggen slutar före det sparade huvudet, post {seq}: de senaste posterna har tagits bort',
  'trail.out-of-order': 'post {seq} finns två gånger eller i fel ordning',
  'trail.beyond-head': 'loggen fortsätter efter det sparade huvudet, till post {seq}: poster har lagts till utan att huvudet flyttats, eller huvudet har flyttats bakåt',
  'headHead.ok': 'filhuvudets logghuvud (post {seq}) är loggens senaste post',
  'headHead.trail-shorter': 'loggen i innehållet slutar vid post {end}, men filhuvudet anger post {seq} – de senaste posterna har tagits bort efter att säkerhetskopian gjordes',
  'headHead.entry-differs': 'post {seq} i loggen är inte den som filhuvudet anger – loggen har skrivits om',
  'headHead.trail-longer': 'loggen i innehållet fortsätter till post {end}, men filhuvudet anger post {seq} – poster har lagts till efter att säkerhetskopian gjordes',
  'cross.ok': 'post {seq} i säkerhetskopians logg är den som {file} gjordes vid',
  'cross.trail-shorter':
    'säkerhetskopians logg är kortare än den {file} gjordes från: den slutar vid post {end}, {file} gjordes vid post {seq} (de senaste posterna har tagits bort – eller säkerhetskopian är äldre än {file})',
  'cross.entry-differs': 'post {seq} i säkerhetskopians logg skiljer sig från den {file} gjordes vid – loggen har skrivits om efter att {file} gjordes',
  'cross.noTrail': 'säkerhetskopian har ingen läsbar granskningslogg att jämföra {file} med',
  'cross.noAnchor': '{file} bär inget granskningsankare, så säkerhetskopian kan inte kontrolleras mot den',

  'error.read': 'kan inte läsa {file}: {detail}',
  'error.notText': '{file}: varken PDF, säkerhetskopia eller JSON i UTF-8',
  'error.notJson': '{file}: inte giltig JSON',
  'error.notObject': '{file}: väntade ett JSON-objekt (en svarsfil, ett sammanställt svar eller en ögonblicksbild), hittade {found}',
  'error.unknownFormat': '{file}: /format: väntade "{answer}" eller "{compiled}" (eller en svarsögonblicksbild), hittade {found}',
  'error.noFormat': 'inget fält "format"',
  'error.compiledHash': '{file}: /contentHash: väntade en SHA-256 i hex, hittade {found}',
  'error.snapshotJson': '{file}: inte giltig JSON ({detail})',
  'error.notSnapshot': '{file}: /contentHash: inte en svarsögonblicksbild',
  'usage.noFiles': 'ange minst en fil att kontrollera',
  'usage.letterNeedsSnapshot': '{file} är ett brev (PDF): ange ögonblicksbilden det gjordes från med --snapshot ÖGONBLICKSBILD.json (antal letter --json skriver den)',
  'usage.snapshotAmbiguous': '--snapshot gäller ett brev, men {count} brev angavs: kontrollera dem ett i taget',
  'usage.lang': '--lang måste vara sv eller en, fick "{value}"',
} as const;

type Key = keyof typeof sv;

const en: Record<Key, string> = {
  ok: '{file}: OK – {kind}',
  failed: '{file}: VERIFICATION FAILED – {kind}',
  'kind.answer-file': 'answer file',
  'kind.compiled-answer': 'compiled answer',
  'kind.snapshot': 'answer snapshot',
  'kind.letter': 'letter (PDF)',
  'kind.backup': 'backup',

  'check.content-hash': 'content hash',
  'check.snapshot-hash': 'snapshot hash',
  'check.letter-bytes': 'letter bytes',
  'check.audit-anchor': 'audit anchor',
  'check.anchor': 'against {file}',
  'check.format': 'format',
  'check.length': 'length',
  'check.checksum': 'checksum',
  'check.payload': 'payload',
  'check.row-counts': 'row counts',
  'check.audit-trail': 'audit trail',
  'check.header-head': "header's audit head",

  'content.ok': 'content matches {hash}',
  'answer-file.mismatch': 'content hash mismatch: the file states {stated}, its content hashes to {actual} — it was changed after export',
  'compiled.mismatch': 'content hash mismatch: the file states {stated} — it was changed after compilation',
  'snapshot.ok': 'snapshot content matches {hash}',
  'snapshot.mismatch': 'snapshot content hash mismatch: it states {stated} — the snapshot was changed',
  'letter.ok': 'the letter is exactly what the snapshot renders (SHA-256 {sha})',
  'letter.sameContent': 'the letter is what the snapshot renders, object for object with the same content in every stream; only the compression differs (the letter was made by another version of Antal; SHA-256 {sha})',
  'letter.mismatch': 'the letter differs from what the snapshot renders: SHA-256 {sha}, expected {expected} — the PDF was changed or made from another snapshot',
  'letter.notChecked': 'not checked: give the snapshot the letter was made from with --snapshot',
  'anchor.made': 'made at audit trail entry {seq} ({hash})',
  'anchor.none': 'carries no audit anchor (made outside the app, before the trail had any entry, or by an older version)',
  'anchor.malformed': 'the audit anchor in the file cannot be read: {raw}',
  'anchor.pdfVsSnapshot': "the PDF's metadata says entry {pdf}, its snapshot entry {snapshot}",

  'format.ok': 'Antal backup, format 1',
  'format.empty': 'the file is empty (0 bytes)',
  'format.not-a-backup': 'the file does not start with "ANTAL-BACKUP/1"',
  'format.unsupported': 'format {found} is not one this version reads',
  'format.bad-header': 'the header cannot be read: {detail}',
  'length.ok': '{bytes} payload bytes, as the header says',
  'length.truncated': 'truncated: {actual} payload bytes, the header says {declared} ({missing} bytes missing) — the file was cut off',
  'length.grew.intact': 'grew: {actual} payload bytes, the header says {declared} ({extra} bytes appended after it); the declared part is unchanged',
  'length.grew.changed': 'grew: {actual} payload bytes, the header says {declared} ({extra} bytes appended after it); the declared part was changed too',
  'checksum.ok': 'payload SHA-256 matches {sha}',
  'checksum.mismatch': 'SHA-256 {actual}, the header says {declared} — the payload was changed',
  'payload.ok': 'a readable Dexie export',
  'payload.unreadable': 'the payload cannot be read: {detail}',
  'rows.ok': '{tables} tables, {rows} rows, as the header says',
  'rows.notChecked': 'not checked: the payload cannot be read',
  'rows.header': 'table {table}: {actual} rows, the header says {declared}',
  'rows.export': "table {table}: {actual} rows, the export's own count says {declared}",
  'rows.missing': 'table {table}: not in the payload, the header says {declared} rows',
  'rows.undeclared': 'table {table}: {actual} rows the header does not list',
  'trail.ok': '{entries} audit entries form an unbroken chain up to the recorded head (entry {seq})',
  'trail.okNoHead': '{entries} audit entries form an unbroken chain (no recorded head to compare with)',
  'trail.empty': 'the trail is empty',
  'trail.noTable': 'the backup has no audit table (made before the audit trail existed)',
  'trail.notChecked': 'not checked: the payload cannot be read',
  'trail.altered': 'entry {seq} was altered (its hash does not match its content)',
  'trail.broken-link': 'entry {seq} does not link to the entry before it (an entry before it was removed or replaced)',
  'trail.missing-entries': 'entries are missing before entry {seq} (the numbering jumps)',
  'trail.truncated': 'the trail ends before the recorded head, entry {seq}: the newest entries were removed',
  'trail.out-of-order': 'entry {seq} appears twice or out of order',
  'trail.beyond-head': 'the trail goes on past the recorded head, to entry {seq}: entries were added without moving the head, or the head was moved back',
  'headHead.ok': "the header's audit head (entry {seq}) is the trail's newest entry",
  'headHead.trail-shorter': 'the trail inside ends at entry {end}, but the header says entry {seq} — the newest entries were removed after the backup was made',
  'headHead.entry-differs': 'entry {seq} in the trail is not the one the header names — the trail was rewritten',
  'headHead.trail-longer': 'the trail inside goes on to entry {end}, but the header says entry {seq} — entries were added after the backup was made',
  'cross.ok': "entry {seq} of this backup's trail is the one {file} was made at",
  'cross.trail-shorter':
    "this backup's trail is shorter than the one {file} was made from: it ends at entry {end}, {file} was made at entry {seq} (the newest entries were removed — or the backup is older than {file})",
  'cross.entry-differs': "entry {seq} of this backup's trail differs from the one {file} was made at — the trail was rewritten after {file} was made",
  'cross.noTrail': 'the backup has no readable audit trail to check {file} against',
  'cross.noAnchor': '{file} carries no audit anchor, so this backup cannot be checked against it',

  'error.read': 'cannot read {file}: {detail}',
  'error.notText': '{file}: not a PDF, a backup or UTF-8 JSON',
  'error.notJson': '{file}: not valid JSON',
  'error.notObject': '{file}: expected a JSON object (an answer file, a compiled answer or a snapshot), found {found}',
  'error.unknownFormat': '{file}: /format: expected "{answer}" or "{compiled}" (or an answer snapshot), found {found}',
  'error.noFormat': 'no "format" field',
  'error.compiledHash': '{file}: /contentHash: expected a SHA-256 hex text, found {found}',
  'error.snapshotJson': '{file}: not valid JSON ({detail})',
  'error.notSnapshot': '{file}: /contentHash: not an answer snapshot',
  'usage.noFiles': 'give at least one file to verify',
  'usage.letterNeedsSnapshot': '{file} is a PDF letter: give the answer snapshot it was made from with --snapshot SNAPSHOT.json (antal letter --json prints it)',
  'usage.snapshotAmbiguous': '--snapshot belongs to one letter, but {count} letters were given: verify them one at a time',
  'usage.lang': '--lang must be sv or en, got "{value}"',
};

export const VERIFY_TEXTS: Readonly<Record<Language, Readonly<Record<Key, string>>>> = { sv, en };
export type VerifyTextKey = Key;

/** A text of `antal verify` in `language`, with `{name}` placeholders filled (numbers grouped by the language). */
export function verifyText(language: Language, key: Key, params: Params = {}): string {
  return fill(VERIFY_TEXTS[language][key], params, language);
}

/** "Logg" for the audit table; a table this version does not know keeps its own name, in quotes. */
export function tableName(language: Language, name: string): string {
  return knownTableName(language, name) ?? JSON.stringify(name);
}

/** The key of an audit-trail finding's text. */
export function trailKey(problem: AuditFindingProblem): Key {
  return `trail.${problem}`;
}
