import type { EventName } from './channels';

export type MenuCommand = 'lock' | 'settings' | 'backup' | 'about' | 'caseload';

export interface EventPayloads {
  'vault.locked': { reason: 'user' | 'idle' | 'os-lock' | 'suspend' | 'quit' };
  'menu.command': { command: MenuCommand };
}

export type EventPayload<N extends EventName> = N extends keyof EventPayloads ? EventPayloads[N] : never;
