import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser } from '@playwright/test';

const PDFJS_DIR = resolve(__dirname, '..', '..', 'node_modules', 'pdfjs-dist', 'build');

/**
 * Renders PDF pages to PNG with pdfjs-dist in Chromium, for review screenshots (no pdftoppm
 * on these machines). Returns one PNG per page.
 */
export async function renderPdfPages(browser: Browser, pdf: Uint8Array, options: { scale?: number; pages?: number[] } = {}): Promise<Buffer[]> {
  const context = await browser.newContext({ viewport: { width: 1300, height: 1700 } });
  try {
    await context.route('http://pdf.render/**', async (route) => {
      const url = new URL(route.request().url());
      if (url.pathname === '/') return route.fulfill({ contentType: 'text/html', body: '<!doctype html><body style="margin:0;background:#fff"><canvas id="c"></canvas></body>' });
      if (url.pathname === '/doc.pdf') return route.fulfill({ contentType: 'application/pdf', body: Buffer.from(pdf) });
      return route.fulfill({ contentType: 'text/javascript', body: readFileSync(join(PDFJS_DIR, url.pathname.slice(1))) });
    });
    const page = await context.newPage();
    await page.goto('http://pdf.render/');
    const count = (await page.evaluate(`(async () => {
      const pdfjs = await import('http://pdf.render/pdf.min.mjs');
      pdfjs.GlobalWorkerOptions.workerSrc = 'http://pdf.render/pdf.worker.min.mjs';
      window.__doc = await pdfjs.getDocument('http://pdf.render/doc.pdf').promise;
      return window.__doc.numPages;
    })()`)) as number;
    const wanted = options.pages ?? Array.from({ length: count }, (_, i) => i + 1);
    const out: Buffer[] = [];
    for (const n of wanted) {
      await page.evaluate(`(async () => {
        const p = await window.__doc.getPage(${n});
        const vp = p.getViewport({ scale: ${options.scale ?? 1.5} });
        const c = document.getElementById('c');
        c.width = vp.width; c.height = vp.height;
        await p.render({ canvasContext: c.getContext('2d'), viewport: vp }).promise;
      })()`);
      out.push(await page.locator('#c').screenshot());
    }
    return out;
  } finally {
    await context.close();
  }
}
