// `npm run web -- [--vault DIR] [--port N] [--open]`: build if needed, then start the web host.
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { buildIfNeeded, root } from './lib/build.mjs';

buildIfNeeded();
await import(pathToFileURL(join(root, 'out', 'main', 'web.js')).href);
