import type { Phrase } from '../../../shared/import/phrases';
import { usePhraseText } from './phrase-text';

/**
 * Why the importer decided something, in the UI language. Records made before reasons carried a phrase code
 * (datasets imported by an older version) only have the English text, which is then shown marked as English.
 */
export function EvidenceText({ evidence, because }: { evidence: string; because: Phrase | undefined }) {
  const say = usePhraseText();
  if (because) return <span className="hint import-detail">{say(because)}</span>;
  if (evidence === '') return null;
  return (
    <span className="hint import-detail" lang="en">
      {evidence}
    </span>
  );
}
