import { appContract } from './app';
import { conferencesContract } from './conferences';
import { caseloadViewsContract } from './caseloadViews';
import { rosterContract } from './roster';
import { catalogContract } from './courses';
import { coursePlansContract } from './coursePlans';
import { scoresContract } from './scores';
import { studentsContract } from './students';
import { vaultContract } from './vault';
import { goalsContract } from './goals';
import { notesContract } from './notes';
import { decisionsContract } from './decisions';
import { referralsContract } from './referrals';

/**
 * The whole IPC contract: namespace → operation → { input schema, scope, result type }.
 * Channel names are `wp:<namespace>.<operation>`; `shared/ipc/channels.ts` lists the same
 * names without zod so the sandboxed preload stays small (a test keeps them in step).
 */
export const contract = {
  ...appContract,
  ...vaultContract,
  ...studentsContract,
  ...conferencesContract,
  ...goalsContract,
  ...notesContract,
  ...decisionsContract,
  ...referralsContract,
  ...caseloadViewsContract,
  ...rosterContract,
  ...catalogContract,
  ...coursePlansContract,
  ...scoresContract,
};

export type Contract = typeof contract;

export * from './app';
export * from './common';
export * from './students';
export * from './vault';
export * from './imports';
export * from './conferences';
export * from './conferenceSources';
export * from './goals';
export * from './notes';
export * from './decisions';
export * from './referrals';
export * from './caseloadViews';
export * from './roster';
export * from './courses';
export * from './coursePlans';
export * from './scores';
