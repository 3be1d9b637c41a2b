import { app, Menu, type MenuItemConstructorOptions } from 'electron';
import { createTranslator, type Locale } from '../../shared/i18n';
import type { MenuCommand } from '../../shared/ipc/events';

/** The application menu, in the counselor's language; rebuilt when the language changes. */
export function buildMenu(locale: Locale, send: (command: MenuCommand) => void, isDev: boolean): void {
  const t = createTranslator(locale);
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: t('menu.file'),
      submenu: [
        { label: t('menu.caseload'), accelerator: 'CmdOrCtrl+1', click: () => send('caseload') },
        { label: t('menu.lock'), accelerator: 'CmdOrCtrl+L', click: () => send('lock') },
        { label: t('menu.backup'), click: () => send('backup') },
        { label: t('menu.settings'), accelerator: 'CmdOrCtrl+,', click: () => send('settings') },
        { type: 'separator' },
        isMac ? { role: 'close' } : { label: t('menu.quit'), role: 'quit' },
      ],
    },
    { label: t('menu.edit'), role: 'editMenu' },
    {
      label: t('menu.view'),
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(isDev ? [{ type: 'separator' as const }, { role: 'reload' as const }, { role: 'toggleDevTools' as const }] : []),
      ],
    },
    { label: t('menu.window'), role: 'windowMenu' },
    { label: t('menu.help'), submenu: [{ label: t('menu.about'), click: () => send('about') }] },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  app.setAboutPanelOptions({ applicationName: 'Waypoint', applicationVersion: app.getVersion() });
}
