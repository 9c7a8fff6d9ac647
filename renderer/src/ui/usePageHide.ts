/**
 * Calls `onHide` when the page is about to go away or out of sight: `pagehide` (a reload, a closed tab or window,
 * navigating away) and `visibilitychange` to hidden (another tab, a minimised window — often the last moment a
 * page on a laptop lid or a killed tab gets). Autosaving screens write their pending edit here, so an edit made a
 * moment before a reload is not lost.
 */
import { useEffect, useRef } from 'react';

export function usePageHide(onHide: () => void): void {
  const latest = useRef(onHide);
  useEffect(() => {
    latest.current = onHide;
  }, [onHide]);
  useEffect(() => {
    const hide = () => latest.current();
    const visibility = () => {
      if (document.visibilityState === 'hidden') latest.current();
    };
    window.addEventListener('pagehide', hide);
    document.addEventListener('visibilitychange', visibility);
    return () => {
      window.removeEventListener('pagehide', hide);
      document.removeEventListener('visibilitychange', visibility);
    };
  }, []);
}
