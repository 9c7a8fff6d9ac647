/**
 * A small "?" button next to a number that opens a 1–3 sentence explanation with a link to the fuller section of
 * the method page. Its accessible name is the question it answers ("Vad betyder intervallet?").
 */
import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
// react-aria-components: the accessible button, popover and dialog (focus moves in, Escape closes, focus returns).
import { Button, Dialog, DialogTrigger, Popover } from 'react-aria-components';
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

function HelpTipView({ topic }: { topic: HelpTopic }) {
  const { t } = useTranslation();
  const label = t(`help.tip.${topic}.label`);
  // Inside <main>, so the popover's content (and React Aria's hidden dismiss buttons) stay in a landmark.
  const [container] = useState(() => document.getElementById('main') ?? undefined);
  return (
    <DialogTrigger>
      <Button className="help-tip" aria-label={label} data-testid={`help-tip-${topic}`}>
        ?
      </Button>
      <Popover className="help-popover" placement="bottom start" offset={6} UNSTABLE_portalContainer={container}>
        <Dialog className="help-tip-dialog" aria-label={label}>
          <p className="help-tip-question">{label}</p>
          <p>{t(`help.tip.${topic}.text`)}</p>
          <a href={`#${routeHash({ page: 'method', section: HELP_TOPIC_SECTION[topic] })}`}>{t('help.tip.readMore')}</a>
        </Dialog>
      </Popover>
    </DialogTrigger>
  );
}

// Its content depends on the topic alone: re-rendering it with the figures around it would only redo the same work.
export const HelpTip = memo(HelpTipView);
