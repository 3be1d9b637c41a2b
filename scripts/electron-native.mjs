// Builds the Electron-ABI copy of the native SQLite driver into .electron-native/<electron version>/
// so `npm start` and packaged builds load it, while tests keep using the Node-ABI build in
// node_modules (no flip-flopping `npm rebuild` between the two).
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, copyFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
const target = join(root, '.electron-native', electronVersion, 'better_sqlite3.node');

if (existsSync(target)) {
  console.log(`electron-native: ${target} is up to date`);
  process.exit(0);
}

const pkgDir = dirname(require.resolve('better-sqlite3-multiple-ciphers/package.json'));
const work = join(root, '.electron-native', 'build');
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
cpSync(pkgDir, work, { recursive: true, filter: (src) => !src.includes(`${join(pkgDir, 'build')}`) });
const run = (cmd, args) => execFileSync(cmd, args, { cwd: work, stdio: 'inherit', env: { ...process.env, npm_config_runtime: 'electron', npm_config_target: electronVersion, npm_config_disturl: 'https://electronjs.org/headers' } });

try {
  // A published prebuild for this Electron version, if there is one…
  run(process.execPath, [require.resolve('prebuild-install/bin.js'), '--runtime', 'electron', '--target', electronVersion]);
} catch {
  // …otherwise compile against Electron's headers (needs a C++ toolchain).
  console.log('electron-native: no prebuild; compiling against Electron headers');
  run(process.execPath, [require.resolve('node-gyp/bin/node-gyp.js'), 'rebuild', '--release', `--target=${electronVersion}`, '--dist-url=https://electronjs.org/headers']);
}
mkdirSync(dirname(target), { recursive: true });
copyFileSync(join(work, 'build', 'Release', 'better_sqlite3.node'), target);
rmSync(work, { recursive: true, force: true });
console.log(`electron-native: built ${target}`);
