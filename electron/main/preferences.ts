import Store from 'electron-store';
import { DEFAULT_PREFERENCES, type Preferences, type PreferencesPort } from '../adapters/ports';

interface StoreShape extends Preferences {
  windowBounds: { x?: number; y?: number; width: number; height: number; maximized: boolean } | null;
}

/**
 * electron-store holds preferences only: language, theme, auto-lock minutes, the last vault
 * folder and window bounds. Never a student's name or any note (a test greps the file).
 */
export class ElectronPreferences implements PreferencesPort {
  private readonly store = new Store<StoreShape>({
    name: 'preferences',
    defaults: { ...DEFAULT_PREFERENCES, windowBounds: null },
    schema: {
      language: { type: 'string', enum: ['en', 'es'] },
      autoLockMinutes: { type: 'number', minimum: 1, maximum: 240 },
      theme: { type: 'string', enum: ['light', 'dark'] },
      lastVaultPath: { type: ['string', 'null'] },
      windowBounds: { type: ['object', 'null'] },
    },
    clearInvalidConfig: true,
  });

  get(): Preferences {
    const { language, autoLockMinutes, theme, lastVaultPath } = this.store.store;
    return { language, autoLockMinutes, theme, lastVaultPath };
  }

  set(patch: Partial<Preferences>): Preferences {
    for (const [k, v] of Object.entries(patch)) this.store.set(k as keyof Preferences, v as never);
    return this.get();
  }

  get windowBounds(): StoreShape['windowBounds'] {
    return this.store.get('windowBounds');
  }

  set windowBounds(bounds: StoreShape['windowBounds']) {
    this.store.set('windowBounds', bounds);
  }
}
