import { useEffect, useState } from 'react';

/**
 * False in a component's first render, true from the frame after the one that first showed it (and from then on).
 * What a user does not read first — charts below the figures, a form folded away — is drawn right after the figures
 * are on screen instead of delaying them; later renders of the same component draw everything at once.
 */
export function useAfterFirstPaint(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    if (painted) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // A frame callback runs before that frame's paint; a task queued from it runs after the paint.
    const later = () => (timer = setTimeout(() => setPainted(true)));
    const frame = typeof requestAnimationFrame === 'function' ? requestAnimationFrame(later) : null;
    if (frame === null) later();
    return () => {
      if (frame !== null) cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [painted]);
  return painted;
}
