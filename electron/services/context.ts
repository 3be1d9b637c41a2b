import type { DialogPort, DisplayPort, EventSink, HostInfo, PdfPort, PreferencesPort } from '../adapters/ports';
import type { VaultManager } from '../vault/vaultManager';

/** Everything a service may use. Built once per app (or per harness) and passed to handlers. */
export interface AppContext {
  vault: VaultManager;
  prefs: PreferencesPort;
  dialogs: DialogPort;
  events: EventSink;
  host: HostInfo;
  pdf: PdfPort;
  displays: DisplayPort;
  now: () => Date;
}
