import type { DialogPort, EventSink, HostInfo, PreferencesPort } from '../adapters/ports';
import type { VaultManager } from '../vault/vaultManager';

/** Everything a service may use. Built once per app (or per harness) and passed to handlers. */
export interface AppContext {
  vault: VaultManager;
  prefs: PreferencesPort;
  dialogs: DialogPort;
  events: EventSink;
  host: HostInfo;
  now: () => Date;
}
