/**
 * A wide table (or list) that scrolls sideways inside the page: a named region that takes keyboard focus, so a
 * keyboard user can scroll it with the arrow keys and a screen reader announces what it holds.
 */
import type { ReactNode } from 'react';
import './scroll-region.css';

export type ScrollRegionName = { label: string; labelledBy?: undefined } | { labelledBy: string; label?: undefined };

export function ScrollRegion({ children, ...name }: ScrollRegionName & { children: ReactNode }) {
  return (
    <div className="scroll-region" role="region" aria-label={name.label} aria-labelledby={name.labelledBy} tabIndex={0}>
      {children}
    </div>
  );
}
