import { useEffect, useState } from 'react';
import { api, subscribe } from '../../api/client';
import type { FamilySnapshot } from '../../../../shared/ipc/contract';

const HIDDEN: FamilySnapshot = { state: 'hidden', revision: -1 };

/**
 * The family snapshot, kept current: on every 'family.changed' signal it asks the main
 * process again, never lets an older answer replace a newer one (revisions), and blanks at
 * once when the signal says hidden — before any round trip.
 */
export function useFamilySnapshot(): FamilySnapshot | undefined {
  const [snapshot, setSnapshot] = useState<FamilySnapshot | undefined>(undefined);
  const [blank, setBlank] = useState(false);
  useEffect(() => {
    let alive = true;
    let wanted = 0;
    const load = async () => {
      for (let attempt = 0; attempt < 3 && alive; attempt++) {
        let next: FamilySnapshot;
        try {
          next = await api.family.view();
        } catch {
          return;
        }
        if (!alive) return;
        setSnapshot((current) => (current && current.revision > next.revision ? current : next));
        if (next.revision >= wanted) {
          setBlank(false);
          return;
        }
      }
    };
    void load();
    const offChanged = subscribe('family.changed', ({ revision, hidden }) => {
      wanted = Math.max(wanted, revision);
      if (hidden) setBlank(true);
      void load();
    });
    const offLocked = subscribe('vault.locked', () => {
      setSnapshot({ state: 'idle', revision: wanted });
      setBlank(false);
    });
    return () => {
      alive = false;
      offChanged();
      offLocked();
    };
  }, []);
  return blank ? HIDDEN : snapshot;
}
