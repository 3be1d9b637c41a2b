import type { DisplayPort } from '../adapters/ports';

/**
 * Displays for tests and the browser harness. `count` is how many displays are "attached";
 * opening the family window calls `onOpen` (the harness opens a second page bound with scope
 * 'family' there, as Electron opens a BrowserWindow with role 'family').
 */
export class TestDisplays implements DisplayPort {
  count = 1;
  familyOpen = false;
  consoleFullScreen = false;
  onOpen: (() => Promise<void>) | null = null;
  onClose: (() => Promise<void>) | null = null;
  private readonly listeners = new Set<() => void>();

  displayCount(): number {
    return this.count;
  }

  async openFamilyWindow(): Promise<boolean> {
    if (this.count < 2) return false;
    if (!this.familyOpen) {
      this.familyOpen = true;
      await this.onOpen?.();
    }
    return true;
  }

  closeFamilyWindow(): void {
    if (!this.familyOpen) return;
    this.familyOpen = false;
    void this.onClose?.();
  }

  isFamilyWindowOpen(): boolean {
    return this.familyOpen;
  }

  setConsoleFullScreen(on: boolean): void {
    this.consoleFullScreen = on;
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A display was unplugged or plugged in (or the family window was closed by hand). */
  setCount(count: number): void {
    this.count = count;
    if (count < 2 && this.familyOpen) {
      this.familyOpen = false;
      void this.onClose?.();
    }
    for (const l of this.listeners) l();
  }
}
