// Calibration of the insights engine: `npm run calibrate [scale] [family words] [--notes]`.
// Bundles scripts/calibrate/main.ts (generator families, docs/insights-method.md) and runs it:
// thousands of generated journals whose truth is known; prints the table quoted in the docs.
// A scale below 1 runs fewer journals per family (e.g. 0.2 for a quick look).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { root } from './lib/build.mjs';
import { bundleForNode } from './lib/bundle.mjs';

const script = await bundleForNode(join(root, 'scripts', 'calibrate', 'main.ts'), 'calibrate');
const run = spawnSync(process.execPath, [script, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
process.exit(run.status ?? 1);
