import { execFile } from 'node:child_process';
import { closeSync, existsSync, openSync, writeFileSync, ftruncateSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { journalExport } from '../../electron/contract/dataExport';
import { PASSPHRASE, fastVault, removeTempDirs, tempDir } from '../helpers/tempVault';
import { EMPTY_EXPORT } from '../helpers/importFile';

/*
 * Issue 13, M1: `photos` had no size cap, so ~1M empty photo objects (3.8 MB of JSON) made the
 * validation build millions of issue objects and abort the process holding the open journal.
 */

const CLI = resolve(import.meta.dirname, '../../out/main/cli.js');
afterAll(removeTempDirs);

let vaultDir = '';
beforeAll(async () => {
  if (!existsSync(CLI)) throw new Error('out/main/cli.js is missing: run `npm run build` first.');
  vaultDir = join(tempDir('axis-import-caps-'), 'vault');
  const vault = fastVault(vaultDir);
  await vault.create(PASSPHRASE);
  vault.lock();
});

function axis(
  args: string[],
  nodeOptions = '',
): Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }> {
  const env = { ...process.env, AXIS_PASSPHRASE: PASSPHRASE, NODE_OPTIONS: nodeOptions };
  return new Promise((done) => {
    execFile(process.execPath, [CLI, ...args], { env, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      const failure = error as (Error & { code?: number; signal?: string }) | null;
      done({ code: failure ? (failure.code ?? null) : 0, signal: failure?.signal ?? null, stdout, stderr });
    });
  });
}

const header = { ...EMPTY_EXPORT, appVersion: 'attack' };

describe('M1: import caps', () => {
  it('a file with a million photo entries is refused with a clear message by a process whose heap is capped at 256 MB', async () => {
    const file = join(tempDir('axis-import-attack-'), 'photos.json');
    writeFileSync(file, `${JSON.stringify(header).slice(0, -1)},"photos":[${'{},'.repeat(999_999)}{}]}`);
    const run = await axis(['import', file, '--vault', vaultDir, '--dry-run'], '--max-old-space-size=256');
    expect(run.signal).toBeNull(); // before the fix: killed by V8 (heap out of memory)
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe(
      'The file does not have the expected shape (at photos): A file can hold at most 20,000 photos. Nothing was changed.',
    );
  }, 120_000);

  it('the CLI refuses a file larger than an export can be before reading it', async () => {
    const file = join(tempDir('axis-import-attack-'), 'huge.json');
    const fd = openSync(file, 'w');
    ftruncateSync(fd, 300 * 1024 * 1024); // sparse: costs no disk, and reading it would cost 300 MB
    closeSync(fd);
    const run = await axis(['import', file, '--vault', vaultDir, '--dry-run'], '--max-old-space-size=128');
    expect(run.signal).toBeNull();
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/is 300 MB; an Axis Journal export can be at most 256 MB\. Nothing was changed\./);
  });

  it('every array and every string in the import schema has a maximum size', () => {
    const uncapped: string[] = [];
    const walk = (schema: z.ZodType, path: string): void => {
      const def = (
        schema as unknown as {
          _zod: { def: Record<string, unknown> & { type: string; checks?: { _zod: { def: { check: string } } }[] } };
        }
      )._zod.def;
      // A maximum length, or an anchored pattern without open-ended repetition (dates, clock times).
      const capped = () =>
        (def.checks ?? []).some((check) => {
          const d = check._zod.def as { check: string; format?: string; pattern?: RegExp };
          if (d.check === 'max_length' || d.check === 'length_equals') return true;
          const source = d.format === 'regex' ? d.pattern?.source : undefined;
          return !!source && source.startsWith('^') && source.endsWith('$') && !/[*+]|\{\d+,\}/.test(source);
        });
      switch (def.type) {
        case 'object':
          for (const [key, child] of Object.entries(def.shape as Record<string, z.ZodType>))
            walk(child, `${path}.${key}`);
          if (def.catchall && (def.catchall as { _zod: { def: { type: string } } })._zod.def.type !== 'never')
            uncapped.push(`${path} (accepts unknown keys)`);
          break;
        case 'array':
          if (!capped()) uncapped.push(`${path}[]`);
          walk(def.element as z.ZodType, `${path}[]`);
          break;
        case 'string':
          if (!capped()) uncapped.push(path);
          break;
        case 'optional':
        case 'nullable':
        case 'default':
        case 'readonly':
          walk(def.innerType as z.ZodType, path);
          break;
        case 'pipe':
          walk(def.in as z.ZodType, path);
          break;
        case 'union':
          for (const option of def.options as z.ZodType[]) walk(option, path);
          break;
        case 'record':
        case 'map':
        case 'set':
        case 'unknown':
        case 'any':
          uncapped.push(`${path} (${def.type})`);
          break;
        default:
          break; // numbers, booleans, enums, literals: fixed size
      }
    };
    walk(journalExport, 'file');
    expect(uncapped).toEqual([]);
  });
});
