import type { AxisEvent, Input, MethodName, Output, Result } from '../../../electron/contract';

/**
 * The renderer's only way to the backend. Inside the desktop app it uses the preload's
 * `window.axis`; in a browser it posts to the web host. Views never know which.
 */
export async function call<K extends MethodName>(method: K, input?: Input<K>): Promise<Result<Output<K>>> {
  const bridge = window.axis;
  if (bridge) {
    const [namespace, name] = method.split('.') as [string, string];
    const fn = (bridge as unknown as Record<string, Record<string, (input: unknown) => Promise<Result<Output<K>>>>>)[namespace]?.[name];
    if (!fn) return failure('UNKNOWN_METHOD', 'This version of the app cannot do that.');
    return fn(input);
  }
  return httpCall(method, input);
}

async function httpCall<K extends MethodName>(method: K, input: unknown): Promise<Result<Output<K>>> {
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
    return failure('UNAUTHORIZED', 'This browser tab has no access yet. Open the address printed when Axis Journal started.');
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

/**
 * Web host only: trade the one-time token from the start-up address (#token=…) for a session
 * cookie, then remove it from the address bar and history.
 */
export async function connect(): Promise<void> {
  if (isDesktop()) return;
  const token = new URLSearchParams(location.hash.slice(1)).get('token');
  if (!token) return;
  history.replaceState(null, '', location.pathname + location.search);
  try {
    await fetch('/api/session', { method: 'POST', headers: { 'X-Axis-Token': token }, credentials: 'same-origin' });
  } catch {
    // Reported by the first real call.
  }
}
