import { afterEach, describe, expect, it } from 'vitest';
import { METHOD_NAMES, contract } from '../../electron/contract';
import { formatRecoveryKey, isWellFormedRecoveryKey, normalizeRecoveryKey } from '../../electron/contract/recoveryKey';
import { createApp } from '../../electron/core/app';
import { FAST_SCRYPT, PASSPHRASE, removeTempDirs, snapshot, tempDir } from '../helpers/tempVault';

afterEach(removeTempDirs);

function appIn(dir: string) {
  return createApp({ vaultDir: dir, host: 'web', version: '1.2.3', scryptCost: FAST_SCRYPT });
}

describe('the contract', () => {
  it('defines exactly the listed methods, each with an input schema', () => {
    expect(Object.keys(contract).sort()).toEqual([...METHOD_NAMES].sort());
    for (const name of METHOD_NAMES) expect(typeof contract[name].input.safeParse).toBe('function');
  });

  it('validates input before anything runs, with specific messages, and changes nothing', async () => {
    const dir = tempDir();
    const { dispatch } = appIn(dir);
    const cases: [string, unknown, RegExp][] = [
      ['vault.create', { passphrase: 'short' }, /at least 10 characters/],
      ['vault.create', { passphrase: 'x'.repeat(2000) }, /at most 1024/],
      ['vault.create', { passphrase: 12345678901 }, /Please enter a passphrase/],
      ['vault.create', {}, /Please enter a passphrase/],
      ['vault.create', 'correct horse battery', /./],
      ['vault.create', { passphrase: PASSPHRASE, admin: true }, /admin/],
      ['vault.unlock', { passphrase: '' }, /Please enter your passphrase/],
      ['vault.recover', { recoveryKey: 'ABCDE', newPassphrase: PASSPHRASE }, /30 letters and digits/],
      ['vault.recover', { recoveryKey: '9'.repeat(30), newPassphrase: PASSPHRASE }, /30 letters and digits/],
      ['vault.lock', { force: true }, /force/],
      ['vault.status', [1, 2], /./],
    ];
    for (const [method, input, message] of cases) {
      const result = await dispatch(method, input);
      expect(result, `${method} ${JSON.stringify(input)?.slice(0, 40)}`).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT' },
      });
      if (!result.ok) expect(result.error.message).toMatch(message);
    }
    expect(snapshot(dir)).toEqual({});
  });

  it('never echoes a passphrase back in an error', async () => {
    const { dispatch } = appIn(tempDir());
    const secret = 'short-sec';
    const result = await dispatch('vault.create', { passphrase: secret });
    expect(JSON.stringify(result)).not.toContain(secret);
  });

  it('answers an unknown method with UNKNOWN_METHOD', async () => {
    const { dispatch } = appIn(tempDir());
    expect(await dispatch('vault.delete', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(await dispatch('__proto__', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });

  it('accepts no input, undefined or {} for methods without parameters', async () => {
    const { dispatch } = appIn(tempDir());
    for (const input of [undefined, null, {}]) {
      expect(await dispatch('vault.status', input)).toMatchObject({ ok: true, value: { state: 'absent' } });
    }
  });

  it('reports the app version and host', async () => {
    const dir = tempDir();
    const { dispatch } = appIn(dir);
    expect(await dispatch('app.info')).toEqual({
      ok: true,
      value: { name: 'Axis Journal', version: '1.2.3', host: 'web', vaultDir: dir, idleLockMinutes: 10 },
    });
  });

  it('turns an unexpected failure into a plain INTERNAL error without details', async () => {
    const dir = tempDir();
    const { dispatch } = appIn(dir);
    await dispatch('vault.create', { passphrase: PASSPHRASE });
    const { mkdirSync } = await import('node:fs');
    const { temporaryNames } = await import('../../electron/core/durableFiles');
    const suffix = temporaryNames.suffix;
    temporaryNames.suffix = () => 'in-the-way';
    mkdirSync(`${dir}/vault.json.${process.pid}.in-the-way.tmp`);
    const result = await dispatch('vault.changePassphrase', {
      currentPassphrase: PASSPHRASE,
      newPassphrase: 'another one 123',
    });
    temporaryNames.suffix = suffix;
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    if (!result.ok) expect(result.error.message).not.toMatch(/EISDIR|vault\.json/);
    await dispatch('vault.lock');
  });
});

describe('storage failures', () => {
  it('are explained in words, not as an internal error', async () => {
    const { storageFailure } = await import('../../electron/core/errors');
    const full = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    expect(storageFailure(full)?.toApiError()).toEqual({
      code: 'STORAGE_FAILED',
      message: expect.stringContaining('the disk is full'),
    });
    expect(storageFailure(Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR_WRITE' }))?.code).toBe(
      'STORAGE_FAILED',
    );
    expect(storageFailure(new Error('other'))).toBeNull();
  });
});

describe('recovery keys as typed by people', () => {
  it('ignores case, spaces and dashes and reads 0, 1, 8 as O, I, B', () => {
    expect(normalizeRecoveryKey(' abcde-fghij 2345o ')).toBe('ABCDEFGHIJ2345O');
    expect(normalizeRecoveryKey('0o1i8b')).toBe('OOIIBB');
    expect(isWellFormedRecoveryKey('A'.repeat(30))).toBe(true);
    expect(isWellFormedRecoveryKey('A'.repeat(29))).toBe(false);
    expect(isWellFormedRecoveryKey('A'.repeat(29) + '9')).toBe(false);
    expect(formatRecoveryKey('ABCDEFGHIJKLMNOPQRSTUVWXYZ2345')).toBe('ABCDE-FGHIJ-KLMNO-PQRST-UVWXY-Z2345');
  });
});
