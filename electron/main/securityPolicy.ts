/** Pure rules for the desktop shell's security checks (unit-tested without Electron). */

export const APP_SCHEME = 'app';
export const APP_HOST = 'axis';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/** Only the app's own protocol (and, in development only, the dev server) may be loaded. */
export function isAllowedRequestUrl(url: string, devServerUrl?: string): boolean {
  if (url.startsWith(`${APP_ORIGIN}/`)) return true;
  // Files the page made itself (downloads of exports and backups, chart images): never the network.
  if (url.startsWith(`blob:${APP_ORIGIN}/`)) return true;
  if (url.startsWith('devtools://')) return true;
  if (devServerUrl && url.startsWith(devServerUrl)) return true;
  return false;
}

/** Where a window may go: the app itself, never a blob the page made. */
export function isAllowedNavigationUrl(url: string, devServerUrl?: string): boolean {
  return !url.startsWith('blob:') && isAllowedRequestUrl(url, devServerUrl);
}

/** An IPC call is trusted only from the top frame of our own page. */
export function isTrustedSender(
  frame: { url: string; parent: unknown } | null | undefined,
  devServerUrl?: string,
): boolean {
  if (!frame || frame.parent !== null) return false;
  return isAllowedNavigationUrl(frame.url, devServerUrl) && !frame.url.startsWith('devtools://');
}
