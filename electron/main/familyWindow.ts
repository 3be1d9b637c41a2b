import { BrowserWindow, screen } from 'electron';
import type { DisplayPort } from '../adapters/ports';
import { registerWindow } from './ipcBridge';
import { secureWebPreferences } from './windowOptions';

/**
 * The family window: on a display other than the console's, full screen, sandboxed like
 * the main window and registered with role 'family' — so the IPC bridge gives it only the
 * family-scope operations. It loads the same renderer at #/family, which renders nothing but
 * the family view. It never takes focus from the console.
 */
export class ElectronDisplays implements DisplayPort {
  private family: BrowserWindow | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly console: () => BrowserWindow | null,
    private readonly familyUrl: () => string,
    private readonly preload: string,
  ) {
    const changed = () => {
      // An unplugged projector takes the family window with it (it must not land on the laptop screen).
      if (this.family && !this.family.isDestroyed() && screen.getAllDisplays().length < 2) this.closeFamilyWindow();
      this.emit();
    };
    screen.on('display-added', changed);
    screen.on('display-removed', changed);
  }

  private emit(): void {
    for (const l of this.listeners) l();
  }

  displayCount(): number {
    return screen.getAllDisplays().length;
  }

  async openFamilyWindow(): Promise<boolean> {
    const displays = screen.getAllDisplays();
    if (displays.length < 2) return false;
    if (this.family && !this.family.isDestroyed()) {
      this.family.showInactive();
      return true;
    }
    const main = this.console();
    const consoleDisplay = main ? screen.getDisplayMatching(main.getBounds()) : screen.getPrimaryDisplay();
    const target = displays.find((d) => d.id !== consoleDisplay.id) ?? displays[1];
    const win = new BrowserWindow({
      x: target.bounds.x,
      y: target.bounds.y,
      width: target.bounds.width,
      height: target.bounds.height,
      show: false,
      frame: false,
      fullscreen: true,
      autoHideMenuBar: true,
      title: 'Waypoint',
      backgroundColor: '#0f1419',
      webPreferences: { ...secureWebPreferences(this.preload), spellcheck: false },
    });
    win.setMenu(null);
    registerWindow(win.webContents, 'family');
    win.once('ready-to-show', () => win.showInactive());
    win.on('closed', () => {
      this.family = null;
      this.emit();
    });
    this.family = win;
    await win.loadURL(this.familyUrl());
    return true;
  }

  closeFamilyWindow(): void {
    if (this.family && !this.family.isDestroyed()) this.family.close();
    this.family = null;
  }

  isFamilyWindowOpen(): boolean {
    return !!this.family && !this.family.isDestroyed();
  }

  setConsoleFullScreen(on: boolean): void {
    const main = this.console();
    if (main && !main.isDestroyed()) main.setFullScreen(on);
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
