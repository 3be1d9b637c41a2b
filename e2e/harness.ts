import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { execFileSync } from 'node:child_process';
import { API_SHAPE, EVENT_NAMES } from '../shared/ipc/channels';
import { CONTENT_SECURITY_POLICY } from '../electron/main/senderPolicy';
import { createTestCore } from '../electron/testing/testCore';
import { SLOT_FILE_NAME } from '../electron/vault/layout';
import type { ScryptParams } from '../electron/vault/keySlots';
import type { Preferences } from '../electron/adapters/ports';
import type { Locale } from '../shared/i18n/locales';

/**
 * Browser harness: Chromium shows the real renderer build, and `window.waypoint` is bound
 * (Playwright exposeBinding) to the real handler table running in the test process — the
 * same validation, services and encrypted vault as in Electron, minus the Electron shell.
 */
export const REPO_ROOT = resolve(__dirname, '..');
export const RENDERER_DIR = join(REPO_ROOT, 'out', 'renderer');
export const HARNESS_ORIGIN = 'http://waypoint.test';

export interface HarnessOptions {
  /** The vault folder: opened if it holds a vault, otherwise where a new one is created. */
  vaultDir: string;
  locale?: Locale;
  viewport?: { width: number; height: number };
  /** KDF cost; production cost by default. */
  scrypt?: ScryptParams;
  now?: () => Date;
  prefs?: Partial<Preferences>;
}

export type Harness = Awaited<ReturnType<typeof launchHarness>>;

/** Playwright's own Chromium where it was downloaded, else Debian's `chromium` on PATH. */
export function findChromium(): string | undefined {
  if (process.env.WAYPOINT_CHROMIUM) return process.env.WAYPOINT_CHROMIUM;
  try {
    const own = chromium.executablePath();
    if (own && existsSync(own)) return undefined; // let Playwright use its own
  } catch {
    /* not downloaded */
  }
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    try {
      const path = execFileSync('which', [name], { encoding: 'utf8' }).trim();
      if (path) return path;
    } catch {
      /* not on PATH */
    }
  }
  throw new Error('No Chromium found: install Debian\'s "chromium" package or run "npx playwright install chromium".');
}

let sharedBrowser: Promise<Browser> | null = null;
function browser(): Promise<Browser> {
  sharedBrowser ??= chromium.launch({
    executablePath: findChromium(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--font-render-hinting=none'],
  });
  return sharedBrowser;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
};

/** Runs in the page before any app script: builds `window.waypoint` like the preload does. */
function installBridge(shape: Record<string, string[]>, eventNames: string[]): void {
  const w = window as unknown as Record<string, unknown>;
  const invoke = w.__waypointInvoke as (channel: string, input: unknown) => Promise<unknown>;
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  const api: Record<string, unknown> = {};
  for (const ns of Object.keys(shape)) {
    const group: Record<string, (input?: unknown) => Promise<unknown>> = {};
    for (const method of shape[ns]) group[method] = (input?: unknown) => invoke(`wp:${ns}.${method}`, input);
    api[ns] = Object.freeze(group);
  }
  api.events = Object.freeze({
    subscribe(name: string, listener: (p: unknown) => void) {
      if (!eventNames.includes(name)) return () => undefined;
      if (!listeners.has(name)) listeners.set(name, new Set());
      listeners.get(name)!.add(listener);
      return () => listeners.get(name)?.delete(listener);
    },
  });
  Object.defineProperty(window, 'waypoint', { value: Object.freeze(api), writable: false });
  w.__waypointEmit = (name: string, payload: unknown) => {
    for (const l of listeners.get(name) ?? []) l(payload);
  };
}

export async function launchHarness(options: HarnessOptions) {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    throw new Error('The renderer is not built: run "npm run build" first (npm run test:e2e does).');
  }
  const vaultDir = resolve(options.vaultDir);
  const hasVault = existsSync(join(vaultDir, SLOT_FILE_NAME));
  const core = createTestCore({
    documentsDir: dirname(vaultDir),
    defaultVaultFolder: vaultDir,
    scrypt: options.scrypt ?? { N: 2 ** 17, r: 8, p: 1 },
    now: options.now,
    prefs: { language: options.locale ?? 'en', lastVaultPath: hasVault ? vaultDir : null, ...options.prefs },
  });

  const context: BrowserContext = await (await browser()).newContext({
    viewport: options.viewport ?? { width: 1366, height: 768 },
    locale: options.locale === 'es' ? 'es-US' : 'en-US',
    reducedMotion: 'reduce',
  });
  // Serve the built renderer with the production CSP; nothing else is reachable.
  const root = normalize(RENDERER_DIR + sep);
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== HARNESS_ORIGIN) return route.abort('blockedbyclient');
    const file = normalize(join(root, decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname)));
    if (!file.startsWith(root) || !existsSync(file)) return route.fulfill({ status: 404, body: 'Not found' });
    return route.fulfill({
      status: 200,
      body: readFileSync(file),
      headers: { 'Content-Type': MIME[extname(file)] ?? 'application/octet-stream', 'Content-Security-Policy': CONTENT_SECURITY_POLICY },
    });
  });

  /** Every payload the page received from the main side, for privacy assertions. */
  const received: { channel: string; payload: unknown }[] = [];
  const page: Page = await context.newPage();
  await page.exposeBinding('__waypointInvoke', async (_source, channel: string, input: unknown) => {
    const envelope = await core.dispatch(channel, input, { scope: 'console' });
    received.push({ channel, payload: envelope });
    return envelope;
  });
  await page.addInitScript({ content: `(${installBridge.toString()})(${JSON.stringify(API_SHAPE)}, ${JSON.stringify(EVENT_NAMES)});` });
  core.events.listeners.add((name, payload) => {
    received.push({ channel: `event:${name}`, payload });
    void page.evaluate(([n, p]) => (window as unknown as { __waypointEmit: (n: string, p: unknown) => void }).__waypointEmit(n, p), [name, payload] as const).catch(() => undefined);
  });
  const pageErrors: Error[] = [];
  page.on('pageerror', (err) => pageErrors.push(err));
  await page.goto(`${HARNESS_ORIGIN}/index.html`);

  return {
    page,
    context,
    core,
    dialogs: core.dialogs,
    received,
    pageErrors,
    vaultDir,
    async close() {
      await context.close();
      await core.ctx.vault.lock('quit');
    },
  };
}

/** Closes the shared browser (call from a global teardown or afterAll). */
export async function closeHarnessBrowser(): Promise<void> {
  if (sharedBrowser) {
    const b = await sharedBrowser;
    sharedBrowser = null;
    await b.close();
  }
}
