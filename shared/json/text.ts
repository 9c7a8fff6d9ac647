/**
 * Reading a JSON file's text: a byte-order mark is dropped (legal at the start of a UTF-8 file, not in JSON), and a
 * syntax error is reported with its line, column and the character found, since JSON.parse's messages differ
 * between engines and often give no position.
 */

export interface JsonSyntaxError {
  /** 1-based line and column of the first character that cannot be JSON; absent when no position was found. */
  line?: number;
  column?: number;
  /** That character, quoted, or "the end of the text". */
  found: string;
  /** "line 3, column 1: not valid JSON: unexpected "}"". */
  message: string;
}

export type JsonTextResult = { ok: true; value: unknown } | { ok: false; error: JsonSyntaxError };

export function parseJsonText(source: string): JsonTextResult {
  const clean = source.replace(/^\uFEFF/, '');
  try {
    return { ok: true, value: JSON.parse(clean) as unknown };
  } catch (error) {
    const engine = error instanceof Error ? error.message : String(error);
    const offset = jsonErrorOffset(clean);
    const at = offset >= 0 ? lineAndColumn(clean, offset) : null;
    const atEnd = offset < 0 || offset >= clean.length;
    const found = atEnd ? 'the end of the text' : JSON.stringify(clean[offset]);
    const detail = !at ? `not valid JSON (${engine.replace(/\s+/g, ' ')})` : atEnd ? 'not valid JSON: the text ends before the JSON does' : `not valid JSON: unexpected ${found}`;
    return { ok: false, error: { ...(at ?? {}), found, message: `${at ? `line ${at.line}, column ${at.column}` : '(the file)'}: ${detail}` } };
  }
}

/** The 1-based line and column of a character offset in a text. */
function lineAndColumn(source: string, offset: number): { line: number; column: number } {
  const before = source.slice(0, Math.max(0, offset));
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/**
 * The offset of the first JSON syntax error in a text (JSON.parse's messages differ between engines and often
 * give no position), found by a small recursive-descent scan of RFC 8259's grammar.
 */
export function jsonErrorOffset(source: string): number {
  let i = 0;
  const ws = () => {
    while (i < source.length && ' \t\n\r'.includes(source[i]!)) i++;
  };
  const fail = (): never => {
    throw i;
  };
  const literal = (word: string) => {
    if (source.startsWith(word, i)) i += word.length;
    else fail();
  };
  const string = () => {
    i++;
    while (i < source.length && source[i] !== '"') {
      if (source.charCodeAt(i) < 0x20) fail();
      if (source[i] === '\\') {
        i++;
        if (source[i] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(source.slice(i + 1, i + 5))) fail();
          i += 4;
        } else if (!'"\\/bfnrt'.includes(source[i] ?? '')) fail();
      }
      i++;
    }
    if (i >= source.length) fail();
    i++;
  };
  const value = (): void => {
    ws();
    const c = source[i];
    if (c === '{') {
      i++;
      ws();
      if (source[i] === '}') return void i++;
      for (;;) {
        ws();
        if (source[i] !== '"') fail();
        string();
        ws();
        if (source[i] !== ':') fail();
        i++;
        value();
        ws();
        if (source[i] === ',') i++;
        else if (source[i] === '}') return void i++;
        else fail();
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (source[i] === ']') return void i++;
      for (;;) {
        value();
        ws();
        if (source[i] === ',') i++;
        else if (source[i] === ']') return void i++;
        else fail();
      }
    }
    if (c === '"') return string();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    const number = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(source.slice(i, i + 400));
    if (!number) fail();
    i += number![0].length;
  };
  try {
    value();
    ws();
    return i < source.length ? i : -1;
  } catch (offset) {
    return typeof offset === 'number' ? offset : i;
  }
}
