import { createDispatcher, type Dispatch } from './api/dispatch';
import { createHandlers } from './api/handlers';
import { Backend, type BackendOptions } from './backend';

/** Builds the backend and its dispatcher: what each host needs to serve the contract. */
export function createApp(options: BackendOptions): { backend: Backend; dispatch: Dispatch } {
  const backend = new Backend(options);
  return { backend, dispatch: createDispatcher(backend, createHandlers(backend)) };
}
