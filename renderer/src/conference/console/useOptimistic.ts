import { useCallback, useState } from 'react';

/**
 * A checkbox that shows its new state at once while the main process saves it; if the save
 * fails the record (and so the box) stays as it was and the error is announced.
 */
export function useOptimisticChecks() {
  const [pending, setPending] = useState<Record<number, boolean>>({});
  const checked = useCallback((id: number, saved: boolean) => pending[id] ?? saved, [pending]);
  const toggle = useCallback(async (id: number, value: boolean, save: () => Promise<unknown>) => {
    setPending((p) => ({ ...p, [id]: value }));
    try {
      await save();
    } finally {
      setPending((p) => {
        const { [id]: _done, ...rest } = p;
        return rest;
      });
    }
  }, []);
  return { checked, toggle };
}
