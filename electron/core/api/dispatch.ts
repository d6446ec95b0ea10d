import { contract } from '../../contract/contract';
import type { Result } from '../../contract/errors';
import { isMethodName, type MethodName } from '../../contract/methods';
import type { Backend } from '../backend';
import { isAppError, storageFailure } from '../errors';
import type { Handlers } from './handlerTypes';

/** Calls that do not count as someone using the app (the page polls the status). */
const PASSIVE_METHODS: ReadonlySet<MethodName> = new Set(['vault.status', 'app.info', 'insights.status']);

/** Calls that never touch the journal's database, answered even while a re-key runs (its progress). */
const ANSWERED_DURING_REKEY: ReadonlySet<MethodName> = new Set(['vault.status', 'app.info', 'app.activity']);

export type Dispatch = (method: string, rawInput?: unknown) => Promise<Result<unknown>>;

/**
 * The single entry for every call from a page, whichever host carried it: checks the method
 * name, validates the input against the contract, runs the handler, and turns every outcome
 * into a Result. Inputs are never logged (they may hold a passphrase).
 */
export function createDispatcher(backend: Backend, handlers: Handlers): Dispatch {
  return async (method, rawInput) => {
    if (!isMethodName(method)) {
      return {
        ok: false,
        error: { code: 'UNKNOWN_METHOD', message: 'The app asked for something that does not exist.' },
      };
    }
    const parsed = contract[method].input.safeParse(rawInput ?? undefined);
    if (!parsed.success) {
      return { ok: false, error: { code: 'INVALID_INPUT', message: inputProblem(parsed.error.issues[0]) } };
    }
    try {
      // While a re-key runs, everything that may touch the journal waits for it (see whenNotRekeying).
      if (!ANSWERED_DURING_REKEY.has(method)) await backend.vault.whenNotRekeying();
      const handler = handlers[method] as (input: unknown) => unknown;
      const value = await handler(parsed.data);
      if (!PASSIVE_METHODS.has(method)) backend.noteActivity();
      return { ok: true, value };
    } catch (error) {
      if (isAppError(error)) return { ok: false, error: error.toApiError() };
      const storage = storageFailure(error);
      if (storage) return { ok: false, error: storage.toApiError() };
      console.error(`[axis] ${method} failed:`, error instanceof Error ? error.message : 'unknown error');
      return {
        ok: false,
        error: {
          code: 'INTERNAL',
          message:
            'Something went wrong inside the app. Please try again, and restart Axis Journal if it keeps happening.',
        },
      };
    }
  };
}

/** zod's own wording ("Invalid input: expected number…") is for developers; schemas word the rest. */
const LIBRARY_WORDING = /^(Invalid|Unrecognized|Too (big|small)|Expected)\b/;

/**
 * The first problem in words a person can read; only a broken page or script sees the generic one.
 * Also used by the desktop shell for the one method it answers itself (report.savePdf).
 */
export function inputProblem(
  issue: { code?: string; message: string; path: PropertyKey[]; keys?: string[] } | undefined,
): string {
  if (issue && !LIBRARY_WORDING.test(issue.message)) return issue.message;
  if (issue?.code === 'unrecognized_keys' && issue.keys?.length) {
    const keys = issue.keys.slice(0, 3).map((key) => `"${key.slice(0, 40)}"`);
    return `This request has unexpected information (${keys.join(', ')}${issue.keys.length > 3 ? ', …' : ''}). Nothing was changed.`;
  }
  const where = issue?.path.length ? ` (${issue.path.map(String).join(' › ')})` : '';
  return `This request is not one the app can use${where}. Nothing was changed.`;
}
