// electron-builder configuration. Run through `npm run dist` (builds the renderer/main
// bundles and the Electron-ABI SQLite driver first).
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const electronVersion = JSON.parse(readFileSync(join(__dirname, '..', 'node_modules', 'electron', 'package.json'), 'utf8')).version;

/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'org.waypoint.counselor',
  productName: 'Waypoint',
  directories: { output: 'dist', buildResources: 'build' },
  files: [
    'out/**',
    'package.json',
    // Reference data and the fonts embedded in family documents (read at run time).
    'resources/**',
    // The Node-ABI build and compiler objects of the driver stay out; the Electron build ships as a resource.
    '!node_modules/better-sqlite3-multiple-ciphers/build/**',
    '!node_modules/better-sqlite3-multiple-ciphers/deps/**',
    '!node_modules/better-sqlite3-multiple-ciphers/src/**',
  ],
  extraResources: [{ from: `.electron-native/${electronVersion}/better_sqlite3.node`, to: 'native/better_sqlite3.node' }],
  asarUnpack: ['**/*.node'],
  // The driver is compiled for Electron by scripts/electron-native.mjs; do not rebuild node_modules in place.
  npmRebuild: false,
  electronFuses: {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    loadBrowserProcessSpecificV8Snapshot: false,
    grantFileProtocolExtraPrivileges: false,
    resetAdHocDarwinSignature: !process.env.APPLE_TEAM_ID,
  },
  win: { target: ['nsis'] },
  nsis: { oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true },
  mac: { target: ['dmg'], category: 'public.app-category.education', hardenedRuntime: true },
  linux: { target: ['AppImage', 'deb'], category: 'Education' },
};
