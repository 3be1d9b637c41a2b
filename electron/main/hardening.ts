import { app, session, shell, type WebContents } from 'electron';

/**
 * Every web contents: no navigation away from our pages, no new windows, no webviews,
 * no permissions (camera, notifications, …). External links open in the browser only
 * when they are https and on the allow-list (e.g. O*NET attribution).
 */
const EXTERNAL_ALLOW = [/^https:\/\/(www\.)?onetcenter\.org\//, /^https:\/\/(www\.)?onetonline\.org\//, /^https:\/\/creativecommons\.org\//];

export function isAllowedExternal(url: string): boolean {
  return EXTERNAL_ALLOW.some((re) => re.test(url));
}

export function hardenApp(isOwnUrl: (url: string) => boolean): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isOwnUrl(url)) event.preventDefault();
    });
    contents.on('will-frame-navigate', (event) => {
      if (!isOwnUrl(event.url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isOwnUrl(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (isAllowedExternal(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
}

export function hardenSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  // Nothing leaves the machine: refuse every network request that is not our own scheme.
  ses.webRequest.onBeforeRequest((details, callback) => {
    const ok = details.url.startsWith('app://') || details.url.startsWith('devtools://') || details.url.startsWith('data:') || details.url.startsWith('blob:') || isDevServer(details.url);
    callback({ cancel: !ok });
  });
}

function isDevServer(url: string): boolean {
  const dev = process.env.ELECTRON_RENDERER_URL;
  return !app.isPackaged && !!dev && url.startsWith(dev);
}
