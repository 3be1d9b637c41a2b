import { BrowserWindow, dialog } from 'electron';
import type { DialogPort, FileFilter, FolderPurpose, OpenFilePurpose, SaveFilePurpose } from '../adapters/ports';
import { createTranslator, type Locale } from '../../shared/i18n';

/** Native file dialogs, titled in the counselor's language. */
export class ElectronDialogs implements DialogPort {
  constructor(
    private readonly parent: () => BrowserWindow | null,
    private readonly locale: () => Locale,
  ) {}

  private title(key: string): string {
    return createTranslator(this.locale())(`dialogs.${key}`);
  }

  async chooseFolder(purpose: FolderPurpose, defaultPath?: string): Promise<string | null> {
    const options: Electron.OpenDialogOptions = {
      title: this.title(purpose),
      defaultPath,
      properties: ['openDirectory', 'createDirectory'],
    };
    const win = this.parent();
    const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    return result.canceled || result.filePaths.length === 0 ? null : result.filePaths[0];
  }

  async chooseSaveFile(purpose: SaveFilePurpose, defaultName: string, filters: FileFilter[]): Promise<string | null> {
    const options: Electron.SaveDialogOptions = { title: this.title(purpose), defaultPath: defaultName, filters };
    const win = this.parent();
    const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? null : result.filePath;
  }

  async chooseOpenFiles(purpose: OpenFilePurpose, filters: FileFilter[], opts: { allowFolders?: boolean; multiple?: boolean } = {}): Promise<string[] | null> {
    const properties: Electron.OpenDialogOptions['properties'] = [opts.allowFolders ? 'openDirectory' : 'openFile'];
    if (opts.multiple) properties.push('multiSelections');
    const options: Electron.OpenDialogOptions = { title: this.title(purpose), filters, properties };
    const win = this.parent();
    const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    return result.canceled || result.filePaths.length === 0 ? null : result.filePaths;
  }
}
