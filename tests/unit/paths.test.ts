import { describe, expect, it } from 'vitest';
import { defaultVaultDir, userDataDir } from '../../electron/core/paths';

// Electron's app.getPath('userData') for the product name "Axis Journal", written out per platform,
// so the desktop app and the web host agree on the folder whatever machine the tests run on.
describe('where data lives', () => {
  it('Linux: ~/.config/Axis Journal, or under XDG_CONFIG_HOME when it is set', () => {
    expect(userDataDir('linux', {}, '/home/ann')).toBe('/home/ann/.config/Axis Journal');
    expect(userDataDir('linux', { XDG_CONFIG_HOME: '/xdg' }, '/home/ann')).toBe('/xdg/Axis Journal');
    expect(userDataDir('linux', { XDG_CONFIG_HOME: '' }, '/home/ann')).toBe('/home/ann/.config/Axis Journal');
    expect(defaultVaultDir({}, 'linux', '/home/ann')).toBe('/home/ann/.config/Axis Journal/vault');
    expect(defaultVaultDir({ XDG_CONFIG_HOME: '/xdg' }, 'linux', '/home/ann')).toBe('/xdg/Axis Journal/vault');
  });

  it('macOS: ~/Library/Application Support/Axis Journal', () => {
    expect(userDataDir('darwin', {}, '/Users/ann')).toBe('/Users/ann/Library/Application Support/Axis Journal');
    // XDG_CONFIG_HOME means nothing on a Mac.
    expect(defaultVaultDir({ XDG_CONFIG_HOME: '/xdg' }, 'darwin', '/Users/ann')).toBe(
      '/Users/ann/Library/Application Support/Axis Journal/vault',
    );
  });

  it('Windows: %APPDATA%\\Axis Journal, with backslashes, or the usual Roaming folder without APPDATA', () => {
    const appData = 'C:\\Users\\ann\\AppData\\Roaming';
    expect(userDataDir('win32', { APPDATA: appData }, 'C:\\Users\\ann')).toBe(
      'C:\\Users\\ann\\AppData\\Roaming\\Axis Journal',
    );
    expect(userDataDir('win32', {}, 'C:\\Users\\ann')).toBe('C:\\Users\\ann\\AppData\\Roaming\\Axis Journal');
    expect(defaultVaultDir({ APPDATA: 'D:\\Profiles\\ann' }, 'win32', 'C:\\Users\\ann')).toBe(
      'D:\\Profiles\\ann\\Axis Journal\\vault',
    );
  });

  it('AXIS_VAULT_DIR names another folder on every platform', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      expect(defaultVaultDir({ AXIS_VAULT_DIR: '/elsewhere', XDG_CONFIG_HOME: '/xdg' }, platform, '/home/ann')).toBe(
        '/elsewhere',
      );
    }
  });
});
