import { z } from 'zod';
import { op } from '../define';
import { none } from './common';

export type VaultState =
  /** No vault chosen yet, or the remembered one is gone: offer create/open. */
  | 'none'
  | 'locked'
  | 'unlocked';

export interface VaultStatus {
  state: VaultState;
  /** The folder of the vault that unlock would open (remembered from last time). */
  location: string | null;
  /** Where a new vault would be created unless the counselor picks another folder. */
  newLocation: string;
  /** Set when the remembered location could not be used, with the error code why. */
  problem: { code: string; message: string } | null;
  failures: number;
  retryAfterMs: number;
}

const passphrase = z.string().min(1).max(1024);

const passphrasesMatch = (v: { newPassphrase: string; confirmPassphrase: string }) => v.newPassphrase === v.confirmPassphrase;
const mismatch = { message: 'The two passphrases do not match', path: ['confirmPassphrase'] };
const newPassphrase = { newPassphrase: passphrase, confirmPassphrase: passphrase };

export const createVaultInput = z.object(newPassphrase).refine(passphrasesMatch, mismatch);
export const unlockInput = z.object({ passphrase });
export const recoveryUnlockInput = z
  .object({ recoveryKey: z.string().min(1).max(200), ...newPassphrase })
  .refine(passphrasesMatch, mismatch);
export const changePassphraseInput = z.object({ currentPassphrase: passphrase, ...newPassphrase }).refine(passphrasesMatch, mismatch);
export const saveRecoveryKeyInput = z.object({ recoveryKey: z.string().min(1).max(200), locale: z.enum(['en', 'es']) });

export interface BackupResult {
  folder: string;
  bytes: number;
}

export const vaultContract = {
  vault: {
    status: op<VaultStatus>()(none),
    /** Folder picker for an existing vault; remembers it when it is one. */
    chooseExisting: op<VaultStatus>()(none),
    /** Folder picker for where to create a new vault. */
    chooseNewLocation: op<VaultStatus>()(none),
    create: op<{ recoveryKey: string; status: VaultStatus }>()(createVaultInput),
    unlock: op<VaultStatus>()(unlockInput),
    unlockWithRecoveryKey: op<VaultStatus>()(recoveryUnlockInput),
    lock: op<VaultStatus>()(none),
    changePassphrase: op<void>()(changePassphraseInput),
    /** Writes the recovery sheet as a text file where the counselor chooses. */
    saveRecoveryKey: op<{ saved: boolean; path: string | null }>()(saveRecoveryKeyInput),
    backup: op<BackupResult | null>()(none),
  },
};
