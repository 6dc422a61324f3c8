import { useEffect } from 'react';

/**
 * The inspector's keys, on the whole page: Escape goes back to the gallery; →/PageDown and ←/PageUp
 * step through the gallery's order, except while a select, input or text area has the focus.
 */
export function useInspectorKeys(step: (delta: number) => void, back: () => void): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      const inControl = Boolean(target?.closest?.('select, input, textarea'));
      if (event.key === 'Escape') {
        event.preventDefault();
        back();
      } else if (!inControl && (event.key === 'ArrowRight' || event.key === 'PageDown')) {
        event.preventDefault();
        step(1);
      } else if (!inControl && (event.key === 'ArrowLeft' || event.key === 'PageUp')) {
        event.preventDefault();
        step(-1);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });
}
