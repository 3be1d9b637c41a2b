import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { API_SHAPE, EVENT_NAMES, eventReaches, type EventName } from '../shared/ipc/channels';
import { CONTENT_SECURITY_POLICY } from '../electron/main/senderPolicy';
import { createTestCore } from '../electron/testing/testCore';
import { SLOT_FILE_NAME } from '../electron/vault/layout';
import type { ScryptParams } from '../electron/vault/keySlots';
import type { Preferences } from '../electron/adapters/ports';
import type { Locale } from '../shared/i18n/locales';
import { CHROMIUM_ARGS, findChromium } from '../electron/testing/chromium';
import { ChromiumPdf } from '../electron/testing/chromiumPdf';
import { TestDisplays } from '../electron/testing/displays';

export { findChromium };

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
  /** Displays attached: with 2, opening the family window opens the family page (scope 'family'). */
  displays?: number;
  /** The family page's size (a 1080p projector by default). */
  familyViewport?: { width: number; height: number };
}

/** Everything one page received from the main side: call results and pushed events, in order. */
export type Received = { channel: string; payload: unknown }[];

export type Harness = Awaited<ReturnType<typeof launchHarness>>;

let sharedBrowser: Promise<Browser> | null = null;
function browser(): Promise<Browser> {
  sharedBrowser ??= chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
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
  const displays = new TestDisplays();
  displays.count = options.displays ?? 1;
  const core = createTestCore({
    documentsDir: dirname(vaultDir),
    defaultVaultFolder: vaultDir,
    scrypt: options.scrypt ?? { N: 2 ** 17, r: 8, p: 1 },
    now: options.now,
    prefs: { language: options.locale ?? 'en', lastVaultPath: hasVault ? vaultDir : null, ...options.prefs },
    // The summary PDF goes through the same Chromium as the pages (JavaScript off, no network).
    pdf: new ChromiumPdf(browser),
    displays,
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

  /** Pages bound to the handler table, each with its window role (as Electron registers windows). */
  const bound: { page: Page; role: 'console' | 'family'; received: Received }[] = [];
  const pageErrors: Error[] = [];
  async function bind(page: Page, role: 'console' | 'family', received: Received) {
    await page.exposeBinding('__waypointInvoke', async (_source, channel: string, input: unknown) => {
      const envelope = await core.dispatch(channel, input, { scope: role });
      received.push({ channel, payload: envelope });
      return envelope;
    });
    await page.addInitScript({ content: `(${installBridge.toString()})(${JSON.stringify(API_SHAPE)}, ${JSON.stringify(EVENT_NAMES)});` });
    page.on('pageerror', (err) => pageErrors.push(err));
    bound.push({ page, role, received });
  }
  // Events go only to the pages their audience allows: console events never reach the family page.
  core.events.listeners.add((name: EventName, payload: unknown) => {
    for (const b of bound) {
      if (b.page.isClosed() || !eventReaches(name, b.role)) continue;
      b.received.push({ channel: `event:${name}`, payload });
      void b.page.evaluate(([n, p]) => (window as unknown as { __waypointEmit: (n: string, p: unknown) => void }).__waypointEmit(n, p), [name, payload] as const).catch(() => undefined);
    }
  });

  /** Every payload the console page received from the main side, for privacy assertions. */
  const received: Received = [];
  const page: Page = await context.newPage();
  await bind(page, 'console', received);
  await page.goto(`${HARNESS_ORIGIN}/index.html`);

  /** The family window: a second page bound with scope 'family', loading the renderer at #/family. */
  let family: { page: Page; received: Received } | null = null;
  async function openFamilyPage() {
    if (family && !family.page.isClosed()) return family;
    const familyPage = await context.newPage();
    await familyPage.setViewportSize(options.familyViewport ?? { width: 1920, height: 1080 });
    const familyReceived: Received = [];
    await bind(familyPage, 'family', familyReceived);
    await familyPage.goto(`${HARNESS_ORIGIN}/index.html#/family`);
    family = { page: familyPage, received: familyReceived };
    return family;
  }
  // Opening the family window from the console (second display attached) opens the family page.
  displays.onOpen = async () => {
    await openFamilyPage();
  };
  displays.onClose = async () => {
    if (family && !family.page.isClosed()) await family.page.close();
  };

  return {
    page,
    context,
    core,
    dialogs: core.dialogs,
    displays,
    received,
    pageErrors,
    vaultDir,
    openFamilyPage,
    /** The family page and what it received, once opened. */
    family: () => family,
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
