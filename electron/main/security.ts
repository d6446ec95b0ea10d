import { app, session, type Session } from 'electron';
import { isAllowedNavigationUrl, isAllowedRequestUrl } from './securityPolicy';

/**
 * The shell's security baseline, in one place: every request that is not for the app itself is
 * cancelled (so nothing ever goes online), permission requests are denied, and no page may open
 * windows, navigate away or embed a webview.
 */
export function installSecurity(devServerUrl: string | undefined, target: Session = session.defaultSession): void {
  target.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequestUrl(details.url, devServerUrl) });
  });
  target.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  target.setPermissionCheckHandler(() => false);

  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-navigate', (event, url) => {
      if (!isAllowedNavigationUrl(url, devServerUrl)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAllowedNavigationUrl(url, devServerUrl)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}
