import { useEffect } from 'react';
import { api } from '../api/client';

const EVERY_MS = 30_000;

/** Tells the main process the counselor is here, at most every 30 s, so auto-lock waits. */
export function useActivityReporter(): void {
  useEffect(() => {
    let last = 0;
    const onActivity = () => {
      const now = Date.now();
      if (now - last < EVERY_MS) return;
      last = now;
      void api.app.activity().catch(() => undefined);
    };
    const events = ['keydown', 'pointerdown', 'wheel'] as const;
    for (const e of events) window.addEventListener(e, onActivity, { passive: true });
    return () => {
      for (const e of events) window.removeEventListener(e, onActivity);
    };
  }, []);
}
