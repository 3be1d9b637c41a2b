/**
 * Channel names only — no schemas — for the sandboxed preload and the test harness.
 * Must list exactly the operations in `contract` (checked by channels.test.ts).
 */
export const API_SHAPE = {
  app: ['info', 'activity'],
  settings: ['get', 'update'],
  vault: ['status', 'chooseExisting', 'chooseNewLocation', 'create', 'unlock', 'unlockWithRecoveryKey', 'lock', 'changePassphrase', 'saveRecoveryKey', 'backup'],
  students: ['list', 'facets', 'get', 'create', 'update', 'setPrograms', 'archive', 'restore'],
  guardians: ['add', 'update', 'remove'],
  campuses: ['list'],
  conferences: [
    'startOptions', 'start', 'open', 'history', 'update', 'begin', 'cancel', 'remove', 'end',
    'addAttendee', 'updateAttendee', 'removeAttendee', 'addAgendaItem', 'updateAgendaItem', 'removeAgendaItem',
    'addNote', 'updateNote', 'removeNote', 'addDecision', 'updateDecision', 'removeDecision',
    'addActionItem', 'updateActionItem', 'removeActionItem', 'acknowledge', 'summaryCopy', 'saveSummary', 'followUps',
  ],
  presentation: ['state', 'show', 'clear', 'focus', 'compare', 'setHidden', 'openFamilyWindow', 'closeFamilyWindow', 'setPresenter'],
  family: ['view', 'hide'],
  goals: ['plan', 'create', 'update', 'archive', 'restore', 'remove'],
  goalSteps: ['create', 'update', 'remove'],
  goalCheckIns: ['create', 'update', 'remove'],
  traits: ['create', 'update', 'remove', 'link'],
  notes: ['list', 'search', 'create', 'update', 'archive', 'restore', 'remove'],
  decisions: ['list', 'create', 'update', 'remove', 'linked'],
  referrals: ['list', 'create', 'update', 'archive', 'restore', 'remove'],
  caseloadViews: ['list', 'save', 'remove'],
  roster: ['choose', 'map', 'mapping', 'refresh', 'rows', 'problems', 'conflicts', 'commit', 'cancel'],
  catalog: ['list', 'save', 'remove', 'previewCsv', 'previewEdfi', 'commitImport', 'cancelImport'],
  ruleSets: ['list', 'get', 'copy', 'update', 'remove'],
  coursePlans: ['workspace', 'start', 'addEntry', 'moveEntry', 'updateEntry', 'removeEntry', 'updatePlan', 'createScenario', 'deleteScenario', 'compare', 'choose', 'addRecord', 'updateRecord', 'removeRecord', 'previewTranscript', 'commitTranscript', 'offTrack'],
  pgp: ['get', 'save'],
  prereg: ['overview', 'student', 'addRequest', 'updateRequest', 'removeRequest', 'requestFromPlan', 'addRecommendation', 'updateRecommendation', 'removeRecommendation', 'setReviewed', 'exportCsv'],
  scores: ['importChoose', 'importMap', 'importCommit', 'importCancel', 'imports', 'student', 'caseload', 'deleteResult'],
} as const;

/** Events the main process pushes to windows. */
export const EVENT_NAMES = ['vault.locked', 'menu.command', 'family.changed', 'presentation.changed'] as const;
export type EventName = (typeof EVENT_NAMES)[number];

/**
 * Which windows receive an event. 'all' includes the family window, so such an event may
 * carry no student data at all (a bare signal; the family window then asks for its own
 * family-built snapshot). 'console' events never reach the family window.
 */
export const EVENT_AUDIENCE: Record<EventName, 'all' | 'console'> = {
  'vault.locked': 'all',
  'menu.command': 'console',
  'family.changed': 'all',
  'presentation.changed': 'console',
};

export function eventReaches(name: EventName, role: 'console' | 'family'): boolean {
  return role === 'console' || EVENT_AUDIENCE[name] === 'all';
}

export function channelFor(namespace: string, method: string): string {
  return `wp:${namespace}.${method}`;
}

export function eventChannel(name: EventName): string {
  return `wp-event:${name}`;
}
