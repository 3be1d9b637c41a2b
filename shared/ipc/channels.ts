/**
 * Channel names only — no schemas — for the sandboxed preload and the test harness.
 * Must list exactly the operations in `contract` (checked by channels.test.ts).
 */
export const API_SHAPE = {
  app: ['info', 'activity'],
  settings: ['get', 'update'],
  vault: ['status', 'chooseExisting', 'chooseNewLocation', 'create', 'unlock', 'unlockWithRecoveryKey', 'lock', 'changePassphrase', 'saveRecoveryKey', 'backup'],
  students: ['list', 'get', 'create', 'update', 'archive', 'restore'],
  campuses: ['list'],
  scores: ['importChoose', 'importMap', 'importCommit', 'importCancel', 'imports', 'student', 'caseload', 'deleteResult'],
} as const;

/** Events the main process pushes to windows. */
export const EVENT_NAMES = ['vault.locked', 'menu.command'] as const;
export type EventName = (typeof EVENT_NAMES)[number];

export function channelFor(namespace: string, method: string): string {
  return `wp:${namespace}.${method}`;
}

export function eventChannel(name: EventName): string {
  return `wp-event:${name}`;
}
