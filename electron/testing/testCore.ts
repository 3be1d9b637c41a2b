import { join, resolve } from 'node:path';
import { DEFAULT_PREFERENCES, type DialogPort, type EventSink, type PdfPort, type Preferences, type PreferencesPort } from '../adapters/ports';
import { VaultManager } from '../vault/vaultManager';
import { createCore, type WaypointCore } from '../ipc/app';
import type { AppContext } from '../services/context';
import type { EventName } from '../../shared/ipc/channels';
import type { ScryptParams } from '../vault/keySlots';
import { FAST_SCRYPT } from './tempVault';
import { TestDisplays } from './displays';
import { ChromiumPdf } from './chromiumPdf';

/** The repository's resources/ folder (fonts, reference data). */
export const TEST_RESOURCES_DIR = resolve(__dirname, '..', '..', 'resources');

/** In-memory preferences: what electron-store holds in the app. */
export class MemoryPreferences implements PreferencesPort {
  private value: Preferences;
  constructor(initial: Partial<Preferences> = {}) {
    this.value = { ...DEFAULT_PREFERENCES, ...initial };
  }
  get(): Preferences {
    return { ...this.value };
  }
  set(patch: Partial<Preferences>): Preferences {
    this.value = { ...this.value, ...patch };
    return this.get();
  }
}

/** Dialog answers scripted by the test: each purpose returns the next queued answer. */
export class ScriptedDialogs implements DialogPort {
  folders: Record<string, (string | null)[]> = {};
  saveFiles: Record<string, (string | null)[]> = {};
  openFiles: Record<string, (string[] | null)[]> = {};
  async chooseFolder(purpose: string) {
    return this.folders[purpose]?.shift() ?? null;
  }
  async chooseSaveFile(purpose: string) {
    return this.saveFiles[purpose]?.shift() ?? null;
  }
  async chooseOpenFiles(purpose: string) {
    return this.openFiles[purpose]?.shift() ?? null;
  }
}

export class RecordingEvents implements EventSink {
  readonly emitted: { name: EventName; payload: unknown }[] = [];
  listeners = new Set<(name: EventName, payload: unknown) => void>();
  emit(name: EventName, payload: unknown) {
    this.emitted.push({ name, payload });
    for (const l of this.listeners) l(name, payload);
  }
}

export interface TestCoreOptions {
  documentsDir: string;
  prefs?: Partial<Preferences>;
  scrypt?: ScryptParams;
  now?: () => Date;
  runtime?: 'electron' | 'harness';
  defaultVaultFolder?: string;
  /** PDF rendering; Chromium through Playwright by default (launched on first use). */
  pdf?: PdfPort;
  displays?: TestDisplays;
}

export function createTestCore(
  options: TestCoreOptions,
): WaypointCore & { dialogs: ScriptedDialogs; events: RecordingEvents; prefs: MemoryPreferences; displays: TestDisplays; pdf: PdfPort } {
  const now = options.now ?? (() => new Date());
  const dialogs = new ScriptedDialogs();
  const displays = options.displays ?? new TestDisplays();
  const pdf = options.pdf ?? new ChromiumPdf();
  const events = new RecordingEvents();
  const prefs = new MemoryPreferences(options.prefs);
  const ctx: AppContext = {
    vault: new VaultManager({ scrypt: options.scrypt ?? FAST_SCRYPT, now }),
    prefs,
    dialogs,
    events,
    host: {
      runtime: options.runtime ?? 'harness',
      version: '0.0.0-test',
      platform: process.platform,
      documentsDir: options.documentsDir,
      defaultVaultFolder: options.defaultVaultFolder,
      resourcesDir: TEST_RESOURCES_DIR,
    },
    pdf,
    displays,
    now,
  };
  return { ...createCore(ctx), dialogs, events, prefs, displays, pdf };
}

export function defaultVaultFolder(documentsDir: string): string {
  return join(documentsDir, 'Waypoint Vault');
}
