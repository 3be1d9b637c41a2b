import { chromium, type Browser } from '@playwright/test';
import type { PdfPort, PdfRequest } from '../adapters/ports';
import { CHROMIUM_ARGS, findChromium } from './chromium';

/**
 * The harness and tests' PdfPort: the same HTML as Electron's printToPDF, through Chromium's
 * own print path (Playwright `page.pdf`), JavaScript off and every request refused — the
 * document must carry everything it needs (fonts as data URLs).
 */
export class ChromiumPdf implements PdfPort {
  private own: Promise<Browser> | null = null;
  /** Documents rendered, for tests that look at the HTML as well as the PDF. */
  readonly rendered: PdfRequest[] = [];

  constructor(private readonly browser?: () => Promise<Browser>) {}

  private getBrowser(): Promise<Browser> {
    if (this.browser) return this.browser();
    this.own ??= chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
    return this.own;
  }

  async render(request: PdfRequest): Promise<Uint8Array> {
    const browser = await this.getBrowser();
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    try {
      await context.route('**/*', (route) => route.abort('blockedbyclient'));
      const page = await context.newPage();
      await page.setContent(request.html, { waitUntil: 'load' });
      const pdf = await page.pdf({
        format: 'Letter',
        printBackground: true,
        preferCSSPageSize: true,
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate: request.footerHtml,
      });
      this.rendered.push(request);
      return new Uint8Array(pdf);
    } finally {
      await context.close();
    }
  }

  async close(): Promise<void> {
    if (this.own) {
      const b = await this.own;
      this.own = null;
      await b.close();
    }
  }
}
