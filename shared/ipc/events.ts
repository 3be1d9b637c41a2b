import type { EventName } from './channels';

import type { PresentationState } from './contract/conferences';

export type MenuCommand = 'lock' | 'settings' | 'backup' | 'about' | 'caseload';

export interface EventPayloads {
  'vault.locked': { reason: 'user' | 'idle' | 'os-lock' | 'suspend' | 'quit' };
  'menu.command': { command: MenuCommand };
  /** The family snapshot changed: a counter and the hidden flag only, never content. */
  'family.changed': { revision: number; hidden: boolean };
  /** Console only: the family window opened or closed, a display came or went. */
  'presentation.changed': PresentationState;
}

export type EventPayload<N extends EventName> = N extends keyof EventPayloads ? EventPayloads[N] : never;
