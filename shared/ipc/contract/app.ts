import { z } from 'zod';
import { op } from '../define';
import { none } from './common';
import { LOCALES, type Locale } from '../../i18n/locales';

export interface Settings {
  language: Locale;
  autoLockMinutes: number;
  theme: 'light' | 'dark';
}

export interface AppInfo {
  name: string;
  version: string;
  platform: string;
  /** 'electron' in the desktop app, 'harness' in browser tests. */
  runtime: 'electron' | 'harness';
}

export const AUTO_LOCK_CHOICES = [1, 2, 5, 10, 15, 30, 60] as const;

export const settingsPatch = z
  .object({
    language: z.enum(LOCALES),
    autoLockMinutes: z.number().int().refine((n) => (AUTO_LOCK_CHOICES as readonly number[]).includes(n), {
      message: `Expected one of ${AUTO_LOCK_CHOICES.join(', ')}`,
    }),
    theme: z.enum(['light', 'dark']),
  })
  .partial()
  .strict();

export const appContract = {
  app: {
    info: op<AppInfo>()(none, 'family'),
    /** The renderer reports user activity so the idle timer restarts (throttled client-side). */
    activity: op<void>()(none, 'family'),
  },
  settings: {
    get: op<Settings>()(none, 'family'),
    update: op<Settings>()(settingsPatch),
  },
};
