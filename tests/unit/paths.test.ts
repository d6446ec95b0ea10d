import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultVaultDir, userDataDir } from '../../electron/core/paths';
import { CONTENT_SECURITY_POLICY } from '../../electron/core/security/csp';

describe('where data lives', () => {
  it('matches Electron’s userData folder for "Axis Journal" on each platform', () => {
    expect(userDataDir('linux', {}, '/home/ann')).toBe('/home/ann/.config/Axis Journal');
    expect(userDataDir('linux', { XDG_CONFIG_HOME: '/xdg' }, '/home/ann')).toBe('/xdg/Axis Journal');
    expect(userDataDir('darwin', {}, '/Users/ann')).toBe('/Users/ann/Library/Application Support/Axis Journal');
    expect(userDataDir('win32', { APPDATA: 'C:\\Users\\ann\\AppData\\Roaming' }, 'C:\\Users\\ann')).toContain('Axis Journal');
  });

  it('keeps the vault in a "vault" folder there, unless AXIS_VAULT_DIR names another', () => {
    expect(defaultVaultDir({ AXIS_VAULT_DIR: '/elsewhere' })).toBe('/elsewhere');
    expect(defaultVaultDir({ XDG_CONFIG_HOME: '/xdg' })).toBe(
      process.platform === 'linux' ? '/xdg/Axis Journal/vault' : join(userDataDir(), 'vault'),
    );
  });
});

describe('the built page', () => {
  it('carries the same CSP as the hosts send (minus frame-ancestors, which meta tags ignore)', () => {
    const html = readFileSync(join(import.meta.dirname, '../../out/renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(CONTENT_SECURITY_POLICY.replace("; frame-ancestors 'none'", ''));
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline script
    expect(html).not.toMatch(/\sstyle=/);
  });
});
