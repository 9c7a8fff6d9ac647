/** A character of a letter's text that the letter's font cannot draw. */
export interface MissingGlyph {
  /** The character itself. */
  character: string;
  /** Its code point, "U+2192". */
  codePoint: string;
  /** The printed text it stands in (shortened to 80 characters). */
  text: string;
}

/** The letter was not produced: a printed character is not in the font, and would silently be left out. */
export declare class LetterGlyphError extends Error {
  readonly missing: MissingGlyph[];
  constructor(missing: MissingGlyph[]);
}
