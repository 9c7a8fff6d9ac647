/**
 * A copy of `text` that does not keep the piece of file text it was cut from alive. V8 represents a
 * substring of 13 or more characters as a slice of its parent, so a label kept in a cache (or a problem's
 * raw text) would otherwise hold on to a whole decoded piece of the file for as long as the import runs.
 */
export function detach(text: string): string {
  return text.length < 13 ? text : (` ${text}`).slice(1);
}
