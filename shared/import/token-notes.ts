/**
 * Footnotes that explain a file's special cell values: "X – uppgiften har skyddats av sekretesskäl",
 * "\"-\" = inga fall", "Värden under 5 har ersatts med S", ".. = uppgift saknas". The letter or sign is then
 * known for what it is — a masked small count (with the range the note gives, or the publisher's usual one),
 * a zero, or a withheld value whose size is not told — instead of being a value the importer cannot read.
 */
import { DEFAULT_MASK_TOKENS, type MaskMeaning } from './value-tokens';
import { phrase, type Phrase } from './phrases';
import type { Note } from './table-structure';

export interface TokenNote {
  token: string;
  /** The note's line and text. */
  line: number;
  text: string;
  /** What the token means: a masked range, a zero, or withheld with no size told. */
  meaning: { kind: 'masked'; range: MaskMeaning } | { kind: 'zero' } | { kind: 'withheld' };
  /** Why, as a phrase (which note said it, which range was used). */
  because: Phrase;
}

const TOKEN = '([A-Za-z]|\\.{1,3}|\u2026|\\*{1,3}|-|\u2013|\u2014)';
/** "X – text", "\"-\" = text", ".. : text", "X betyder text". */
const LEADING = new RegExp(`^\\s*["\u201d\u201c'\u00ab]?${TOKEN}["\u201d\u201c'\u00bb]?\\s*(?:=|:|\u2013|\u2014|-|betyder|anger|inneb\u00e4r|means|indicates|denotes)\\s+(\\S.*)$`, 'i');
/** "… har ersatts med X", "… redovisas som ..", "… are shown as *". */
const TRAILING = new RegExp(`(?:redovisas|ersatts|ers\u00e4tts|markeras|markerats|visas|anges|betecknas|shown|replaced|marked|denoted|indicated)\\s+(?:med|som|as|by|with)\\s+["\u201d\u201c']?${TOKEN}["\u201d\u201c']?(?=[\\s.,;:)]|$)`, 'i');

const MASKED = /sekretess|skydd|r[oö]j|undertryck|maskera|dold|d[oö]ljs|prick|f[aä]rre [aä]n|mindre [aä]n|under \d|<\s*\d|suppress|confidential|protect|disclos|fewer than|less than|small number|too few|l[aå]gt antal|litet antal|f[aå] fall/i;
const ZERO = /\b(inga|ingen|inget|noll|none|zero|nothing|nil)\b/i;
const MISSING = /saknas|ej tillg[aä]nglig|inte tillg[aä]nglig|not available|missing|ej redovisa|unknown|ok[aä]nd/i;

/** The range a note gives for masked counts: "färre än 5" → 1–4, "1–3" → 1–3, "högst 3" → 1–3; null when it gives none. */
function rangeIn(text: string): MaskMeaning | null {
  let m = /(?:f[aä]rre [aä]n|mindre [aä]n|under|fewer than|less than|<)\s*(\d{1,6})/i.exec(text);
  if (m) {
    const k = Number(m[1]);
    return k >= 2 ? { low: 1, high: k - 1, point: k / 2 } : null;
  }
  m = /(\d{1,6})\s*(?:\u2013|-|till|to)\s*(\d{1,6})/i.exec(text);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    return a <= b ? { low: a, high: b, point: (a + b) / 2 } : null;
  }
  m = /(?:h[oö]gst|at most|max(?:imum)?|\u2264)\s*(\d{1,6})/i.exec(text);
  if (m) {
    const k = Number(m[1]);
    return k >= 1 ? { low: 1, high: k, point: (1 + k) / 2 } : null;
  }
  return null;
}

const rangeText = (r: MaskMeaning): string => `${r.low}\u2013${r.high}`;

/** The tokens the notes explain, first explanation of each token winning. */
export function tokensFromNotes(notes: readonly Note[]): TokenNote[] {
  const found = new Map<string, TokenNote>();
  for (const note of notes) {
    const text = note.text.trim();
    const leading = LEADING.exec(text);
    const trailing = leading ? null : TRAILING.exec(text);
    if (!leading && !trailing) continue;
    const token = (leading ? leading[1] : trailing![1])!;
    const explanation = leading ? leading[2]! : text;
    if (found.has(token)) continue;
    const at = { line: note.line, text };
    if (MASKED.test(explanation)) {
      const stated = rangeIn(explanation);
      const usual = DEFAULT_MASK_TOKENS[token] ?? DEFAULT_MASK_TOKENS[token.toUpperCase()];
      if (stated) {
        found.set(token, { token, ...at, meaning: { kind: 'masked', range: stated }, because: phrase('tokenNoteRange', { token, line: note.line, range: rangeText(stated) }) });
      } else if (usual) {
        found.set(token, { token, ...at, meaning: { kind: 'masked', range: usual }, because: phrase('tokenNoteUsual', { token, line: note.line, range: rangeText(usual) }) });
      } else {
        found.set(token, { token, ...at, meaning: { kind: 'withheld' }, because: phrase('tokenNoteWithheld', { token, line: note.line }) });
      }
    } else if (MISSING.test(explanation)) {
      found.set(token, { token, ...at, meaning: { kind: 'withheld' }, because: phrase('tokenNoteWithheld', { token, line: note.line }) });
    } else if (ZERO.test(explanation)) {
      found.set(token, { token, ...at, meaning: { kind: 'zero' }, because: phrase('tokenNoteZero', { token, line: note.line }) });
    }
  }
  return [...found.values()];
}
