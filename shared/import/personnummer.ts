/**
 * Personal identity numbers (personnummer) and coordination numbers (samordningsnummer, day + 60) must
 * never be in an aggregated file: one means the file is not anonymised, and the whole import is refused.
 * Forms: YYMMDD-NNNN, YYMMDD+NNNN (aged 100 or more), YYYYMMDDNNNN and YYYYMMDD-NNNN. The last digit is
 * a Luhn check digit over the ten digits YYMMDDNNN(C); requiring it keeps ordinary numbers (a count of
 * 1234567890 or a date range) from refusing a good file.
 */

export interface PersonnummerMatch {
  /** Index in the text where the number starts. */
  index: number;
  kind: 'personnummer' | 'samordningsnummer';
}

// Not preceded or followed by a digit, so that a longer number does not contain a false match.
const CANDIDATE = /(?<!\d)(?:(\d{2})(\d{2})(\d{2})(\d{2})(-?)|(\d{2})(\d{2})(\d{2})([-+]))(\d{4})(?!\d)/g;

/** Luhn over ten digits, weights 2,1,2,1,… from the left as Skatteverket specifies. */
export function luhnValid(tenDigits: string): boolean {
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    let d = tenDigits.charCodeAt(i) - 48;
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

function dateKind(month: number, day: number): PersonnummerMatch['kind'] | null {
  if (month < 1 || month > 12) return null;
  if (day >= 1 && day <= 31) return 'personnummer';
  if (day >= 61 && day <= 91) return 'samordningsnummer';
  return null;
}

/** Every personnummer or samordningsnummer with a valid date and check digit in `text`. */
export function detectPersonnummer(text: string): PersonnummerMatch[] {
  // Cheap pre-check: nearly every cell of a count file is short and has no run of six digits.
  if (!/\d{6}/.test(text)) return [];
  const found: PersonnummerMatch[] = [];
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(text); m; m = CANDIDATE.exec(text)) {
    const long = m[1] !== undefined;
    if (long) {
      const century = m[1]!;
      if (century !== '18' && century !== '19' && century !== '20') continue;
    }
    const yy = long ? m[2]! : m[6]!;
    const mm = long ? m[3]! : m[7]!;
    const dd = long ? m[4]! : m[8]!;
    const tail = m[10]!;
    const kind = dateKind(Number(mm), Number(dd));
    if (kind && luhnValid(yy + mm + dd + tail)) found.push({ index: m.index, kind });
  }
  return found;
}
