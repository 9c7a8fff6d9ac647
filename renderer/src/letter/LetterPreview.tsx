// The letter preview: the PDF's own pages, drawn by pdf.js (pdf-pages.ts says why not the browser's PDF viewer).
// Each page is a labelled image whose text is available to screen readers; pages are drawn one after another with
// progress, and a new letter (or closing the panel) stops the drawing of the old one.
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpenedPdf } from './pdf-pages';
import { StatusLine } from '../ui/StatusLine';

/** Widest page in CSS pixels: about the size of A4 on screen at 100 %. */
const MAX_PAGE_WIDTH = 820;

export function LetterPreview({ bytes, title }: { bytes: Uint8Array; title: string }) {
  const { t } = useTranslation();
  const idPrefix = useId();
  const container = useRef<HTMLDivElement>(null);
  const canvases = useRef<(HTMLCanvasElement | null)[]>([]);
  const [pdf, setPdf] = useState<OpenedPdf | null>(null);
  const [texts, setTexts] = useState<string[]>([]);
  const [drawn, setDrawn] = useState(0);
  const [error, setError] = useState('');

  // Open the document (pdf.js is loaded on first use: most sessions never preview a letter).
  useEffect(() => {
    let live = true;
    let opened: OpenedPdf | null = null;
    // A new letter gets a new component (the panel keys it by the bytes), so there is no earlier state to reset.
    import('./pdf-pages')
      .then(({ openPdf }) => openPdf(bytes))
      .then((document) => {
        opened = document;
        if (live) setPdf(document);
        else void document.close();
      })
      .catch((e: unknown) => {
        if (live) setError(e instanceof Error ? e.message : String(e));
      });
    return () => {
      live = false;
      if (opened) void opened.close();
    };
  }, [bytes]);

  // Draw its pages, one after another, once their canvases exist.
  useEffect(() => {
    if (!pdf) return;
    const controller = new AbortController();
    const width = Math.max(240, Math.min(MAX_PAGE_WIDTH, (container.current?.clientWidth ?? MAX_PAGE_WIDTH) - 32));
    void (async () => {
      for (let page = 1; page <= pdf.pageCount; page++) {
        const canvas = canvases.current[page - 1];
        if (!canvas) return;
        const { text } = await pdf.renderPage(page, canvas, width, controller.signal);
        if (controller.signal.aborted) return;
        setTexts((previous) => {
          const next = [...previous];
          next[page - 1] = text;
          return next;
        });
        setDrawn(page);
      }
    })().catch((e: unknown) => {
      if (!controller.signal.aborted) setError(e instanceof Error ? e.message : String(e));
    });
    return () => controller.abort();
  }, [pdf]);

  const pageCount = pdf?.pageCount ?? 0;
  const status = error
    ? t('letter.previewFailed', { detail: error })
    : !pdf
      ? t('letter.previewOpening')
      : drawn < pageCount
        ? t('letter.previewDrawing', { page: drawn + 1, pages: pageCount })
        : t('letter.previewPages', { count: pageCount });

  return (
    // tabIndex: the pages scroll inside the section, so keyboard users must be able to focus it to scroll.
    <section className="letter-preview" aria-label={title} tabIndex={0} data-testid="letter-preview" data-pages={pageCount} data-drawn={drawn} ref={container}>
      <StatusLine error={Boolean(error)} hint={!error} testId="letter-preview-status">
        {status}
      </StatusLine>
      {Array.from({ length: pageCount }, (_, i) => (
        <figure key={i} className="letter-page">
          <canvas
            ref={(element) => {
              canvases.current[i] = element;
            }}
            role="img"
            aria-label={t('letter.previewPage', { page: i + 1, pages: pageCount })}
            aria-describedby={texts[i] ? `${idPrefix}-page-${i + 1}` : undefined}
            data-testid="letter-preview-page"
          />
          {texts[i] && (
            <div id={`${idPrefix}-page-${i + 1}`} className="visually-hidden">
              {texts[i]}
            </div>
          )}
        </figure>
      ))}
    </section>
  );
}
