import { appContract } from './app';
import { scoresContract } from './scores';
import { studentsContract } from './students';
import { vaultContract } from './vault';

/**
 * The whole IPC contract: namespace → operation → { input schema, scope, result type }.
 * Channel names are `wp:<namespace>.<operation>`; `shared/ipc/channels.ts` lists the same
 * names without zod so the sandboxed preload stays small (a test keeps them in step).
 */
export const contract = {
  ...appContract,
  ...vaultContract,
  ...studentsContract,
  ...scoresContract,
};

export type Contract = typeof contract;

export * from './app';
export * from './common';
export * from './students';
export * from './vault';
export * from './imports';
export * from './scores';
