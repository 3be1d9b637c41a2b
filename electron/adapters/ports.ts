import type { Locale } from '../../shared/i18n/locales';
import type { EventName } from '../../shared/ipc/channels';
import type { EventPayload } from '../../shared/ipc/events';

/**
 * What only the host (Electron, or the browser test harness) can do. Services depend on
 * these interfaces, never on `electron`, so they run and are tested in plain Node.
 */
export type FolderPurpose = 'open-vault' | 'new-vault-parent' | 'backup';
export type SaveFilePurpose = 'recovery-key' | 'export-csv' | 'export-pdf';
export type OpenFilePurpose = 'import';

export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface DialogPort {
  chooseFolder(purpose: FolderPurpose, defaultPath?: string): Promise<string | null>;
  chooseSaveFile(purpose: SaveFilePurpose, defaultName: string, filters: FileFilter[]): Promise<string | null>;
  chooseOpenFiles(purpose: OpenFilePurpose, filters: FileFilter[], options?: { allowFolders?: boolean; multiple?: boolean }): Promise<string[] | null>;
}

/** Non-sensitive preferences only (electron-store in the app). Never a student's name or a note. */
export interface Preferences {
  language: Locale;
  autoLockMinutes: number;
  theme: 'light' | 'dark';
  lastVaultPath: string | null;
}

export interface PreferencesPort {
  get(): Preferences;
  set(patch: Partial<Preferences>): Preferences;
}

export interface EventSink {
  emit<E extends EventName>(name: E, payload: EventPayload<E>): void;
}

export interface HostInfo {
  runtime: 'electron' | 'harness';
  version: string;
  platform: string;
  /** The user's Documents folder: the default parent of a new vault. */
  documentsDir: string;
  /** Overrides where a new vault goes by default (tests point it at a temp folder). */
  defaultVaultFolder?: string;
}

export const DEFAULT_PREFERENCES: Preferences = {
  language: 'en',
  autoLockMinutes: 10,
  theme: 'light',
  lastVaultPath: null,
};
