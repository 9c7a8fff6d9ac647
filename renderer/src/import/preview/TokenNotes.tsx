// Why the file's masking letters and signs mean what they do: the footnotes that explain them ("X – uppgiften
// har skyddats av sekretesskäl"), and the range used when a note gives none.
import type { TokenNote } from '../../../../shared/import/token-notes';
import { usePhraseText } from '../phrase-text';

export function TokenNotes({ notes }: { notes: readonly TokenNote[] }) {
  const text = usePhraseText();
  if (notes.length === 0) return null;
  return (
    <ul className="hint import-detail" data-testid="token-notes">
      {notes.map((n) => <li key={n.token}>{text(n.because)}</li>)}
    </ul>
  );
}
