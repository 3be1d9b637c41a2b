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
  /** The shipped `resources/` folder (fonts, reference data read at run time). */
  resourcesDir: string;
}

/**
 * HTML → PDF. The document is self-contained (fonts embedded as data URLs, no scripts, no
 * network); the renderer runs with JavaScript disabled. Electron: `printToPDF` in a hidden,
 * sandboxed window. Harness and tests: the same HTML through Chromium with Playwright.
 */
export interface PdfRequest {
  html: string;
  /** Footer HTML (Chromium's template: `pageNumber` / `totalPages` spans), fonts inline. */
  footerHtml: string;
}

export interface PdfPort {
  render(request: PdfRequest): Promise<Uint8Array>;
}

/**
 * The family-facing window. With a second display it opens there, full screen, as its own
 * window registered with role 'family' (it can call only family-scope operations); with one
 * display the console window itself goes full screen in presenter mode.
 */
export interface DisplayPort {
  displayCount(): number;
  /** Opens (or brings back) the family window on a display other than the console's. False with one display. */
  openFamilyWindow(): Promise<boolean>;
  closeFamilyWindow(): void;
  isFamilyWindowOpen(): boolean;
  setConsoleFullScreen(on: boolean): void;
  /** Displays were added or removed, or the family window was closed by someone. */
  onChange(listener: () => void): () => void;
}

export const DEFAULT_PREFERENCES: Preferences = {
  language: 'en',
  autoLockMinutes: 10,
  theme: 'light',
  lastVaultPath: null,
};
