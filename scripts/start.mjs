// `npm start`: build, then run the desktop app. Where the Electron runtime is missing and
// cannot be fetched (an offline machine), say so in one sentence and open the web host instead.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildIfNeeded, root } from './lib/build.mjs';
import { ensureElectronNativeModule } from './electron-native.mjs';

const electronDir = join(root, 'node_modules', 'electron');
const userArgs = process.argv.slice(2);

function electronBinary() {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

/** npm install never downloads Electron (see allowScripts); try once, here, quietly. */
function fetchElectron() {
  if (!existsSync(join(electronDir, 'install.js'))) return;
  spawnSync(process.execPath, [join(electronDir, 'install.js')], {
    cwd: electronDir,
    stdio: 'ignore',
    timeout: 180_000,
  });
}

async function startWebInstead(reason) {
  console.log(`${reason}, so Axis Journal opens in your web browser instead.`);
  process.argv = [process.argv[0], join(root, 'out', 'main', 'web.js'), ...userArgs, '--open'];
  await import(pathToFileURL(join(root, 'out', 'main', 'web.js')).href);
}

buildIfNeeded();

let binary = electronBinary();
if (!binary) {
  fetchElectron();
  binary = electronBinary();
}
if (!binary) {
  await startWebInstead('The Electron runtime is not installed and could not be downloaded');
} else {
  const nativeBinding = ensureElectronNativeModule();
  if (!nativeBinding) {
    await startWebInstead('The database module could not be built for Electron (its headers could not be downloaded)');
  } else {
    const env = { ...process.env, AXIS_NATIVE_BINDING: nativeBinding };
    delete env.ELECTRON_RUN_AS_NODE;
    const child = spawn(binary, [root, ...userArgs], { stdio: 'inherit', env });
    child.on('exit', (code) => process.exit(code ?? 0));
  }
}
