import { app, BrowserWindow, powerMonitor, screen } from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { setNativeBinding } from '../vault/database';
import { VaultManager } from '../vault/vaultManager';
import { createCore, type WaypointCore } from '../ipc/app';
import type { AppContext } from '../services/context';
import type { EventSink, Preferences, PreferencesPort } from '../adapters/ports';
import { eventChannel, eventReaches, type EventName } from '../../shared/ipc/channels';
import type { EventPayload, MenuCommand } from '../../shared/ipc/events';
import { ElectronPreferences } from './preferences';
import { ElectronDialogs } from './dialogs';
import { registerAppScheme, serveRenderer } from './protocol';
import { hardenApp, hardenSession } from './hardening';
import { registerIpc, registerWindow, windowRoles } from './ipcBridge';
import { buildMenu } from './menu';
import { APP_ORIGIN } from './senderPolicy';
import { ElectronDisplays } from './familyWindow';
import { ElectronPdf } from './pdf';
import { secureWebPreferences } from './windowOptions';

const devServer = !app.isPackaged && process.env.ELECTRON_RENDERER_URL ? new URL(process.env.ELECTRON_RENDERER_URL).origin : null;

// The Electron build of the native SQLite driver lives apart from the Node build that tests use.
const nativeBinding = app.isPackaged
  ? join(process.resourcesPath, 'native', 'better_sqlite3.node')
  : join(app.getAppPath(), '.electron-native', process.versions.electron, 'better_sqlite3.node');
if (existsSync(nativeBinding)) setNativeBinding(nativeBinding);

app.enableSandbox();
registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let mainWindow: BrowserWindow | null = null;
  let core: WaypointCore | null = null;

  const isOwnUrl = (url: string) => url.startsWith(`${APP_ORIGIN}/`) || (devServer !== null && url.startsWith(devServer));

  // Each event goes only to the windows its audience allows: console events never reach the family window.
  const send = <E extends EventName>(name: E, payload: EventPayload<E>) => {
    for (const win of BrowserWindow.getAllWindows()) {
      const role = win.isDestroyed() ? undefined : windowRoles.get(win.webContents.id);
      if (role && eventReaches(name, role)) win.webContents.send(eventChannel(name), payload);
    }
  };
  const preloadPath = join(__dirname, '../preload/index.cjs');
  const rendererUrl = (hash: string) => (devServer ? `${process.env.ELECTRON_RENDERER_URL!}#${hash}` : `${APP_ORIGIN}/index.html#${hash}`);

  const prefsStore = new ElectronPreferences();
  /** Rebuild the menu when the language changes; everything else is read on demand. */
  const prefs: PreferencesPort = {
    get: () => prefsStore.get(),
    set: (patch: Partial<Preferences>) => {
      const before = prefsStore.get().language;
      const next = prefsStore.set(patch);
      if (next.language !== before) buildMenu(next.language, onMenu, !app.isPackaged);
      return next;
    },
  };

  function onMenu(command: MenuCommand): void {
    if (command === 'lock') void core?.ctx.vault.lock('user');
    else send('menu.command', { command });
  }

  function createMainWindow(): BrowserWindow {
    const saved = prefsStore.windowBounds;
    const area = screen.getPrimaryDisplay().workAreaSize;
    const win = new BrowserWindow({
      width: saved?.width ?? Math.min(1366, area.width),
      height: saved?.height ?? Math.min(860, area.height),
      x: saved?.x,
      y: saved?.y,
      minWidth: 1024,
      minHeight: 640,
      show: false,
      title: 'Waypoint',
      backgroundColor: '#f6f7f9',
      webPreferences: secureWebPreferences(preloadPath),
    });
    registerWindow(win.webContents, 'console');
    if (saved?.maximized) win.maximize();
    win.once('ready-to-show', () => win.show());
    const remember = () => {
      if (win.isDestroyed()) return;
      const b = win.getNormalBounds();
      prefsStore.windowBounds = { x: b.x, y: b.y, width: b.width, height: b.height, maximized: win.isMaximized() };
    };
    win.on('resize', remember);
    win.on('move', remember);
    win.on('close', remember);
    if (devServer) void win.loadURL(process.env.ELECTRON_RENDERER_URL!);
    else void win.loadURL(`${APP_ORIGIN}/index.html`);
    return win;
  }

  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });

  void app.whenReady().then(() => {
    hardenApp(isOwnUrl);
    hardenSession();
    serveRenderer(join(__dirname, '../renderer'));

    const events: EventSink = { emit: send };
    const ctx: AppContext = {
      vault: new VaultManager(),
      prefs,
      dialogs: new ElectronDialogs(() => mainWindow, () => prefs.get().language),
      events,
      host: {
        runtime: 'electron',
        version: app.getVersion(),
        platform: process.platform,
        documentsDir: (!app.isPackaged && process.env.WAYPOINT_DOCUMENTS_DIR) || app.getPath('documents'),
        // resources/ ships inside the app archive (electron-builder `files`).
        resourcesDir: join(app.getAppPath(), 'resources'),
      },
      pdf: new ElectronPdf(),
      displays: new ElectronDisplays(() => mainWindow, () => rendererUrl('/family'), preloadPath),
      now: () => new Date(),
    };
    core = createCore(ctx, {
      // Channel and error type only: inputs and results may hold student data and are never logged.
      logError: (channel, error) => console.error(`[waypoint] ${channel} failed: ${error instanceof Error ? error.name : typeof error}`),
    });
    registerIpc(core.dispatch, devServer);
    buildMenu(prefs.get().language, onMenu, !app.isPackaged);

    const lock = (reason: 'os-lock' | 'suspend') => void core?.ctx.vault.lock(reason);
    powerMonitor.on('lock-screen', () => lock('os-lock'));
    powerMonitor.on('suspend', () => lock('suspend'));
    setInterval(() => void core?.autoLock.tick(), 15_000).unref();

    mainWindow = createMainWindow();
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
  });

  let quitting = false;
  app.on('before-quit', (event) => {
    if (quitting || !core?.ctx.vault.isUnlocked) return;
    // Close the database cleanly (WAL checkpoint, key wiped) before the process ends.
    event.preventDefault();
    quitting = true;
    void core.ctx.vault.lock('quit').finally(() => app.quit());
  });

  app.on('window-all-closed', () => {
    app.quit();
  });
}
