import type { AxisEvent, Input, MethodName, Output, Result } from '$contract';

/**
 * The renderer's only way to the backend. Inside the desktop app it uses the preload's
 * `window.axis`; in a browser it posts to the web host. Views never know which.
 */
export async function call<K extends MethodName>(method: K, input?: Input<K>): Promise<Result<Output<K>>> {
  const bridge = window.axis;
  if (bridge) {
    const [namespace, name] = method.split('.') as [string, string];
    const fn = (bridge as unknown as Record<string, Record<string, (input: unknown) => Promise<Result<Output<K>>>>>)[
      namespace
    ]?.[name];
    if (!fn) return failure('UNKNOWN_METHOD', 'This version of the app cannot do that.');
    return fn(input);
  }
  return httpCall(method, input);
}

/** Calls that carry a passphrase or recovery key: sent only to the server this tab signed in to. */
const SECRET_METHODS: ReadonlySet<string> = new Set([
  'vault.create',
  'vault.unlock',
  'vault.recover',
  'vault.changePassphrase',
  'vault.newRecoveryKey',
  'vault.rekey',
  'data.restore',
  'data.deleteAll',
]);

async function httpCall<K extends MethodName>(method: K, input: unknown): Promise<Result<Output<K>>> {
  if (SECRET_METHODS.has(method) && !(await serverIsTheOneSignedInTo())) {
    return failure(
      'FORBIDDEN',
      'This tab cannot confirm it is still talking to the Axis Journal it signed in to (it may have been restarted), so nothing was sent. Open the address Axis Journal printed when it started.',
    );
  }
  let response: Response;
  const body = input === undefined ? '' : JSON.stringify(input);
  try {
    response = await fetch(`/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body,
      credentials: 'same-origin',
      // Lets a save started as the page closes or reloads finish (browsers cap keepalive bodies at 64 KB).
      keepalive: body.length < 60_000,
    });
  } catch {
    return failure('HOST_UNREACHABLE', 'Axis Journal is not answering. Is it still running on this computer?');
  }
  if (response.status === 401) {
    return failure(
      'UNAUTHORIZED',
      'This browser tab has no access yet. Open the address printed when Axis Journal started.',
    );
  }
  if (!response.ok) return failure('INTERNAL', 'Something went wrong inside the app. Please try again.');
  return (await response.json()) as Result<Output<K>>;
}

function failure<T>(code: Extract<Result<T>, { ok: false }>['error']['code'], message: string): Result<T> {
  return { ok: false, error: { code, message } };
}

/** Desktop: events pushed by the shell. Web: none (the page polls the status instead). */
export function onBackendEvent(listener: (event: AxisEvent) => void): () => void {
  return window.axis?.onEvent(listener) ?? (() => {});
}

export const isDesktop = (): boolean => window.axis !== undefined;

const serverKeyName = (): string => `axis-server-key-${location.port}`;

/**
 * Web host only: trade the single-use token from the start-up address (#token=…) for a session
 * cookie, then remove it from the address bar and history. The server also gives this tab a key,
 * kept in this tab only, that it must later prove it holds.
 */
export async function connect(): Promise<void> {
  if (isDesktop()) return;
  const token = new URLSearchParams(location.hash.slice(1)).get('token');
  if (!token) return;
  history.replaceState(null, '', location.pathname + location.search);
  try {
    const response = await fetch('/api/session', {
      method: 'POST',
      headers: { 'X-Axis-Token': token },
      credentials: 'same-origin',
    });
    const key = response.headers.get('X-Axis-Server-Key');
    if (response.ok && key) sessionStorage.setItem(serverKeyName(), key);
  } catch {
    // Reported by the first real call.
  }
}

/** Web host only: ends this tab's session (the cookie stops working at once). */
export async function signOut(): Promise<void> {
  sessionStorage.removeItem(serverKeyName());
  try {
    await fetch('/api/session/end', { method: 'POST', credentials: 'same-origin' });
  } catch {
    // The host is gone: nothing left to end.
  }
}

/**
 * Before a passphrase leaves the tab: a program that took over this port after Axis Journal
 * stopped would get the cookie, but not the key the real server gave this tab at sign-in. The
 * server answers a random challenge with an HMAC under that key; only a match lets the secret go.
 */
async function serverIsTheOneSignedInTo(): Promise<boolean> {
  const keyText = sessionStorage.getItem(serverKeyName());
  if (!keyText) return false;
  const challenge = base64url(crypto.getRandomValues(new Uint8Array(24)));
  try {
    const response = await fetch(`/api/session/prove?challenge=${challenge}`, {
      method: 'POST',
      credentials: 'same-origin',
    });
    if (!response.ok) return false;
    const { proof } = (await response.json()) as { proof?: unknown };
    const key = await crypto.subtle.importKey(
      'raw',
      new TextEncoder().encode(keyText),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign'],
    );
    const expected = base64url(
      new Uint8Array(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(challenge))),
    );
    return typeof proof === 'string' && proof === expected;
  } catch {
    return false;
  }
}

function base64url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}
