import { BrowserWindow } from 'electron';
import type { PdfPort, PdfRequest } from '../adapters/ports';

/**
 * HTML → PDF with Chromium's print path: a hidden window, sandboxed, JavaScript disabled, no
 * preload (it gets no API at all), loading the self-contained document as a data URL (the
 * session refuses every other request). Destroyed after each document.
 */
export class ElectronPdf implements PdfPort {
  async render(request: PdfRequest): Promise<Uint8Array> {
    const win = new BrowserWindow({
      show: false,
      width: 816,
      height: 1056,
      webPreferences: {
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        javascript: false,
        webSecurity: true,
        images: true,
        spellcheck: false,
        offscreen: false,
      },
    });
    try {
      await win.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(request.html)}`);
      const pdf = await win.webContents.printToPDF({
        pageSize: 'Letter',
        printBackground: true,
        preferCSSPageSize: true,
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate: request.footerHtml,
      });
      return new Uint8Array(pdf);
    } finally {
      if (!win.isDestroyed()) win.destroy();
    }
  }
}
