#!/usr/bin/env node
// The `axis` command-line tool (npx axis …): builds the app if needed, then runs the CLI.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildIfNeeded, root } from '../scripts/lib/build.mjs';

buildIfNeeded();
await import(pathToFileURL(join(root, 'out', 'main', 'cli.js')).href);
