// Which request's guide is open and how to move to another of its steps, for links deep inside a step's screen.
import { createContext, useContext } from 'react';
import type { GuideStep } from '../shell/route';

export interface GuideLinks {
  requestId: string;
  onStep(step: GuideStep): void;
}

export const GuideLinksContext = createContext<GuideLinks | null>(null);

export function useGuideLinks(): GuideLinks {
  const links = useContext(GuideLinksContext);
  if (!links) throw new Error('useGuideLinks outside a guided answer');
  return links;
}
