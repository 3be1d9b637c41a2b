import { describe, expect, it } from 'vitest';
import { isTrustedSender } from './senderPolicy';

describe('isTrustedSender', () => {
  it.each([
    ['our console window', { frameUrl: 'app://waypoint/index.html#/caseload', isMainFrame: true, role: 'console' as const }, null, true],
    ['our family window', { frameUrl: 'app://waypoint/family.html', isMainFrame: true, role: 'family' as const }, null, true],
    ['a subframe of our window', { frameUrl: 'app://waypoint/index.html', isMainFrame: false, role: 'console' as const }, null, false],
    ['a window we did not create', { frameUrl: 'app://waypoint/index.html', isMainFrame: true, role: undefined }, null, false],
    ['a remote page', { frameUrl: 'https://evil.example/', isMainFrame: true, role: 'console' as const }, null, false],
    ['a file:// page', { frameUrl: 'file:///tmp/x.html', isMainFrame: true, role: 'console' as const }, null, false],
    ['a look-alike host', { frameUrl: 'app://waypoint.evil/index.html', isMainFrame: true, role: 'console' as const }, null, false],
    ['the dev server in development', { frameUrl: 'http://localhost:5173/', isMainFrame: true, role: 'console' as const }, 'http://localhost:5173', true],
    ['the dev server when not in development', { frameUrl: 'http://localhost:5173/', isMainFrame: true, role: 'console' as const }, null, false],
    ['no URL', { frameUrl: undefined, isMainFrame: true, role: 'console' as const }, null, false],
  ])('%s', (_name, facts, dev, expected) => {
    expect(isTrustedSender(facts, dev)).toBe(expected);
  });
});
