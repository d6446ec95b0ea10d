// Preloaded (`node --import`) into a web host that a crash test starts: the process kills itself
// (SIGKILL, no clean-up) just before the Nth time it renames a finished file over vault.json —
// that is, after the journal has committed whatever it did, and before vault.json follows. N
// comes from AXIS_TEST_KILL_BEFORE_KEY_FILE_WRITE. Nothing of this is in the app.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const killAt = Number(process.env.AXIS_TEST_KILL_BEFORE_KEY_FILE_WRITE);
let writes = 0;
const realRenameSync = fs.renameSync;
fs.renameSync = (from, to) => {
  if (String(to).endsWith('vault.json') && ++writes === killAt) process.kill(process.pid, 'SIGKILL');
  return realRenameSync(from, to);
};
syncBuiltinESMExports();
