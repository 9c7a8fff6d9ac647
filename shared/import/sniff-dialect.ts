/**
 * Which character separates fields. Generic sniffers count characters per line and are fooled by decimal
 * commas ("4,74;29,24" has as many commas as semicolons on every data line). We instead find, for each
 * candidate, the header line (the first record it splits into two or more fields) and count how many of
 * the following records split into exactly as many fields; the candidate that explains the most records
 * wins, and `;` wins ties, because it is what Swedish exports use when the decimal separator is a comma.
 */
import { english, phrase, type Phrase } from './phrases';

export type Delimiter = ';' | ',' | '\t' | '|';
export type LineEnding = '\r\n' | '\n' | '\r';

export interface Dialect {
  delimiter: Delimiter;
  quoteChar: '"' | "'";
  lineEnding: LineEnding;
  /** How the choice was made, with the numbers behind it (English). */
  evidence: string;
  /** `evidence` as a translatable phrase (absent on dialects made by hand). */
  because?: Phrase;
}

export interface DialectOverride {
  delimiter?: Delimiter;
  quoteChar?: '"' | "'";
}

/** Candidates in order of preference on a tie. */
const CANDIDATES: readonly Delimiter[] = [';', '\t', ',', '|'];
const SAMPLE_CHARS = 64 * 1024;
const SAMPLE_RECORDS = 60;

/** A delimiter as the evidence names it: "tab" or the character in quotes. */
export const delimiterPhrase = (d: string): Phrase => (d === '\t' ? phrase('tab') : phrase('quoted', { text: d }));

/** Field counts of the first records, splitting only outside quotes (a quote opens a field only at its start). */
function fieldCounts(sample: string, delimiter: string, quote: string): number[] {
  const counts: number[] = [];
  let fields = 1;
  let nonBlank = false;
  let inQuotes = false;
  let atFieldStart = true;
  for (let i = 0; i < sample.length && counts.length < SAMPLE_RECORDS; i++) {
    const ch = sample[i]!;
    if (inQuotes) {
      if (ch === quote) {
        if (sample[i + 1] === quote) i++;
        else inQuotes = false;
      }
      continue;
    }
    if (ch === quote && atFieldStart) {
      inQuotes = true;
      nonBlank = true;
      atFieldStart = false;
    } else if (ch === delimiter) {
      fields++;
      nonBlank = true;
      atFieldStart = true;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && sample[i + 1] === '\n') i++;
      counts.push(nonBlank ? fields : 0);
      fields = 1;
      nonBlank = false;
      atFieldStart = true;
    } else {
      if (ch !== ' ') nonBlank = true;
      atFieldStart = false;
    }
  }
  if (nonBlank && counts.length < SAMPLE_RECORDS) counts.push(fields);
  return counts;
}

interface Score {
  delimiter: Delimiter;
  explained: number;
  width: number;
  headerRecord: number;
}

function scoreCandidate(counts: number[], delimiter: Delimiter): Score {
  const header = counts.findIndex((c) => c >= 2);
  if (header < 0) return { delimiter, explained: 0, width: 1, headerRecord: -1 };
  const width = counts[header]!;
  let explained = 0;
  for (let i = header; i < counts.length; i++) if (counts[i] === width) explained++;
  return { delimiter, explained, width, headerRecord: header };
}

function detectLineEnding(sample: string): { lineEnding: LineEnding; note: Phrase } {
  let crlf = 0;
  let lf = 0;
  let cr = 0;
  for (let i = 0; i < sample.length; i++) {
    const ch = sample[i];
    if (ch === '\r') {
      if (sample[i + 1] === '\n') {
        crlf++;
        i++;
      } else cr++;
    } else if (ch === '\n') lf++;
  }
  const max = Math.max(crlf, lf, cr);
  const lineEnding: LineEnding = max === 0 || crlf === max ? (max === 0 ? '\n' : '\r\n') : lf === max ? '\n' : '\r';
  const mixed = [crlf, lf, cr].filter((n) => n > 0).length > 1;
  const name = lineEnding === '\r\n' ? 'CRLF' : lineEnding === '\n' ? 'LF' : 'CR';
  return { lineEnding, note: mixed ? phrase('lineEndingsMixed', { name, crlf, lf, cr }) : phrase('lineEndings', { name }) };
}

function detectQuote(sample: string): '"' | "'" {
  // Single quotes as the quote character are rare; choose them only when fields demonstrably start with
  // one and no double quote is seen at all.
  if (sample.includes('"')) return '"';
  return /(^|[;,\t|])'[^'\r\n]*'(?=[;,\t|]|\r?\n|$)/m.test(sample) ? "'" : '"';
}

function withReason(dialect: Omit<Dialect, 'evidence' | 'because'>, because: Phrase): Dialect {
  return { ...dialect, evidence: english(because), because };
}

export function sniffDialect(text: string, override: DialectOverride = {}): Dialect {
  const sample = text.slice(0, SAMPLE_CHARS);
  const { lineEnding, note } = detectLineEnding(sample);
  const quoteChar = override.quoteChar ?? detectQuote(sample);
  if (override.delimiter) {
    return withReason({ delimiter: override.delimiter, quoteChar, lineEnding }, phrase('dialectUser', { delimiter: delimiterPhrase(override.delimiter), lineEndings: note }));
  }
  const scores = CANDIDATES.map((d) => scoreCandidate(fieldCounts(sample, d, quoteChar), d));
  // Stable: on equal `explained`, the earlier candidate (; before tab before , before |) stays first.
  const best = scores.reduce((a, b) => (b.explained > a.explained ? b : a));
  if (best.explained === 0) {
    return withReason({ delimiter: ';', quoteChar, lineEnding }, phrase('dialectNone', { lineEndings: note }));
  }
  const others = scores.filter((s) => s !== best).map((s) => phrase('dialectCandidate', { delimiter: delimiterPhrase(s.delimiter), explained: s.explained }));
  const tie = scores.some((s) => s !== best && s.explained === best.explained) ? phrase('dialectTie') : '';
  return withReason({ delimiter: best.delimiter, quoteChar, lineEnding }, phrase('dialectSniffed', {
    delimiter: delimiterPhrase(best.delimiter), record: best.headerRecord + 1, width: best.width, explained: best.explained,
    sample: SAMPLE_RECORDS, tie, others, lineEndings: note,
  }));
}
