/**
 * Which frames may talk to the main process. Pure so it can be tested without Electron:
 * only the top frame of one of our own windows, showing our own origin.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'waypoint';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

export interface SenderFacts {
  frameUrl: string | null | undefined;
  isMainFrame: boolean;
  /** The registered role of the window the frame belongs to, if it is one of ours. */
  role: 'console' | 'family' | undefined;
}

export function isTrustedSender(facts: SenderFacts, devServerOrigin: string | null): boolean {
  if (!facts.role || !facts.isMainFrame || !facts.frameUrl) return false;
  let url: URL;
  try {
    url = new URL(facts.frameUrl);
  } catch {
    return false;
  }
  if (url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST) return true;
  return devServerOrigin !== null && url.origin === devServerOrigin;
}

/** Content-Security-Policy for every page we serve. Emotion (MUI) injects style tags, hence style-src 'unsafe-inline'. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "frame-src 'none'",
  "worker-src 'none'",
].join('; ');
