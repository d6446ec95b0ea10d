import type { Page } from '@playwright/test';

export interface StandInOptions {
  /** Answer as a desktop with a usable password store (the web host behind still has none). */
  keyring?: boolean;
}

/**
 * The Electron runtime cannot run here, so this stands in for the preload — the Electron
 * boundary — with the same shape it gives the page (`window.axis`: one function per method, plus
 * `onEvent`), carried over the web host's HTTP API. `shellSend(event)` pushes an event as the
 * shell would; `window.print` is counted in `printed` instead of opening the dialog. Everything
 * in the page and the backend is real.
 */
export async function installPreloadStandIn(page: Page, options: StandInOptions = {}): Promise<void> {
  await page.addInitScript((options) => {
    const listeners = new Set<(event: unknown) => void>();
    const { hash } = (globalThis as unknown as { location: { hash: string } }).location;
    const token = new URLSearchParams(hash.slice(1)).get('token');
    // The web host's cookie, which the page itself only fetches when it has no desktop bridge.
    const session = token
      ? fetch('/api/session', { method: 'POST', headers: { 'X-Axis-Token': token }, credentials: 'same-origin' })
      : Promise.resolve();
    const method = (name: string) => async (input?: unknown) => {
      await session;
      const response = await fetch(`/api/${name}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: input === undefined ? '' : JSON.stringify(input),
        credentials: 'same-origin',
      });
      const answer = (await response.json()) as { ok: boolean; value?: { remember?: object } };
      // A desktop whose password store is there, as Electron's safeStorage reports it in the shell.
      if (options.keyring && name === 'preferences.get' && answer.ok && answer.value) {
        answer.value.remember = { available: true, enabled: false, unavailableReason: null };
      }
      return answer;
    };
    const namespaces = new Map<string, unknown>();
    const shell = globalThis as unknown as {
      axis: unknown;
      shellSend: (event: unknown) => void;
      printed: number;
      print: () => void;
    };
    shell.axis = new Proxy(
      {},
      {
        get: (_target, namespace: string) => {
          if (namespace === 'onEvent')
            return (listener: (event: unknown) => void) => (listeners.add(listener), () => listeners.delete(listener));
          if (!namespaces.has(namespace))
            namespaces.set(namespace, new Proxy({}, { get: (_t, name: string) => method(`${namespace}.${name}`) }));
          return namespaces.get(namespace);
        },
      },
    );
    shell.shellSend = (event) => listeners.forEach((listener) => listener(event));
    // The print dialog is the browser's own; count it instead of opening it.
    shell.printed = 0;
    shell.print = () => void shell.printed++;
  }, options);
}
