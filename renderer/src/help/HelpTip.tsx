/**
 * A small "?" button next to a number that opens a 1–3 sentence explanation with a link to the fuller section of
 * the method page. Its accessible name is the question it answers ("Vad betyder intervallet?").
 */
import { memo, Suspense, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { lazyNamed } from '../ui/lazy-named';
import type { MethodSectionId } from '../../../shared/method';
import { routeHash } from '../shell/route';
import './help.css';

export type HelpTopic = 'interval' | 'regionInterval' | 'hidden' | 'independence' | 'forecast' | 'verdict';

/** The method-page section each tip links to. */
export const HELP_TOPIC_SECTION: Record<HelpTopic, MethodSectionId> = {
  interval: 'intervals',
  regionInterval: 'intervals',
  hidden: 'disclosure',
  independence: 'independence',
  forecast: 'forecast',
  verdict: 'verdict',
};

// The popover (React Aria's popover and dialog: focus moves in, Escape or a click outside closes, focus returns)
// loads when a tip first opens; the "?" buttons are on the first screen, which should not wait for React Aria.
const loadPopover = () => import('./HelpTipPopover');
const HelpTipPopover = lazyNamed(loadPopover, 'HelpTipPopover');

let preloadScheduled = false;

/** Fetches the popover's code ahead of a first click: once, a second after a tip is first shown, when idle. */
function schedulePreload(): void {
  if (preloadScheduled) return;
  preloadScheduled = true;
  const load = () => {
    loadPopover().catch(() => {
      // A failed prefetch is retried by the first click, which shows the error boundary if it fails again.
    });
  };
  window.setTimeout(() => (typeof requestIdleCallback === 'function' ? requestIdleCallback(load, { timeout: 2000 }) : load()), 1000);
}

function HelpTipView({ topic }: { topic: HelpTopic }) {
  const { t } = useTranslation();
  const label = t(`help.tip.${topic}.label`);
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(schedulePreload, []);
  return (
    <>
      <button
        ref={button}
        type="button"
        className="help-tip"
        aria-label={label}
        aria-haspopup="dialog"
        aria-expanded={open}
        data-testid={`help-tip-${topic}`}
        onClick={() => setOpen((o) => !o)}
      >
        ?
      </button>
      {open && (
        <Suspense fallback={null}>
          <HelpTipPopover
            label={label}
            text={t(`help.tip.${topic}.text`)}
            href={`#${routeHash({ page: 'method', section: HELP_TOPIC_SECTION[topic] })}`}
            triggerRef={button}
            onClose={() => setOpen(false)}
          />
        </Suspense>
      )}
    </>
  );
}

// Its content depends on the topic alone: re-rendering it with the figures around it would only redo the same work.
export const HelpTip = memo(HelpTipView);
