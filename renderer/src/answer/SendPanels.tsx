import { memo, Suspense } from 'react';
import type { Answer } from './answer';
import { lazyNamed } from '../ui/lazy-named';
import { Loading } from '../ui/StatusLine';

// Below the figures, and with the PDF and answer-file code behind them: loaded after the answer is on screen.
const AnswerLetter = lazyNamed(() => import('../letter/AnswerLetter'), 'AnswerLetter');
const ExportAnswerPanel = lazyNamed(() => import('../compile/ExportAnswerPanel'), 'ExportAnswerPanel');

/**
 * What a coordinator sends from an answer: the letter and the answer file. `stale` is true while a newer edit is
 * being computed: the shown figures are then not the study's, and the panels refuse to export.
 */
export const AnswerSendPanels = memo(function AnswerSendPanels({ answer, stale }: { answer: Answer; stale: boolean }) {
  return (
    <Suspense fallback={<Loading hint testId="letter-panel-loading" />}>
      <AnswerLetter answer={answer} stale={stale} />
      <ExportAnswerPanel answer={answer} stale={stale} />
    </Suspense>
  );
});
