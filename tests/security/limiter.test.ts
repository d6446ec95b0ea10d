import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../electron/core/app';
import { FAST_SCRYPT, PASSPHRASE, removeTempDirs, tempDir } from '../helpers/tempVault';

/*
 * Issue 13, L8: while unlocked, `vault.changePassphrase`, `vault.newRecoveryKey` and `data.restore`
 * checked passphrases without the attempt limiter: about two guesses a second, forever.
 */

afterAll(removeTempDirs);

describe('L8: every passphrase check goes through the one limiter', () => {
  it('wrong current passphrases while unlocked make the next tries wait, whichever method they come through', async () => {
    let clock = Date.UTC(2026, 11, 1);
    const { backend, dispatch } = createApp({
      vaultDir: tempDir(),
      host: 'web',
      version: 'test',
      scryptCost: FAST_SCRYPT,
      now: () => clock,
    });
    try {
      expect((await dispatch('vault.create', { passphrase: PASSPHRASE })).ok).toBe(true);
      const backup = await dispatch('data.backup');
      if (!backup.ok) throw new Error(backup.error.message);
      const tries = [
        () =>
          dispatch('vault.changePassphrase', { currentPassphrase: 'guess one', newPassphrase: 'new passphrase 123' }),
        () => dispatch('vault.newRecoveryKey', { passphrase: 'guess two' }),
        () =>
          dispatch('data.restore', {
            dataBase64: (backup.value as { dataBase64: string }).dataBase64,
            passphrase: PASSPHRASE,
            currentPassphrase: 'guess three',
          }),
      ];
      const codes: string[] = [];
      for (const attempt of tries) {
        const result = await attempt();
        codes.push(result.ok ? 'ok' : result.error.code);
      }
      expect(codes).toEqual(['WRONG_PASSPHRASE', 'WRONG_PASSPHRASE', 'WRONG_PASSPHRASE']);
      // The fourth try, even with the right passphrase, has to wait.
      const blocked = await dispatch('vault.rekey', { currentPassphrase: PASSPHRASE });
      expect(blocked.ok ? 'ok' : blocked.error.code).toBe('TOO_MANY_ATTEMPTS');
      clock += 3_000;
      expect((await dispatch('vault.rekey', { currentPassphrase: PASSPHRASE })).ok).toBe(true);
    } finally {
      backend.dispose();
    }
  });
});
