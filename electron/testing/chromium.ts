import { chromium } from '@playwright/test';
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

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

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--font-render-hinting=none'];
