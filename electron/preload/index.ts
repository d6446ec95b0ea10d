import { contextBridge, ipcRenderer } from 'electron';
import { EVENT_CHANNEL, METHOD_NAMES, ipcChannel } from '../contract/methods';

// window.axis: one named function per contract method (`axis.vault.unlock(input)`) and an
// event subscription. Never the raw ipcRenderer.
const api: Record<string, unknown> = {};
for (const method of METHOD_NAMES) {
  const [namespace, name] = method.split('.') as [string, string];
  const group = (api[namespace] ??= {}) as Record<string, unknown>;
  group[name] = (input?: unknown) => ipcRenderer.invoke(ipcChannel(method), input);
}
api.onEvent = (listener: (event: unknown) => void) => {
  const forward = (_event: unknown, payload: unknown) => listener(payload);
  ipcRenderer.on(EVENT_CHANNEL, forward);
  return () => ipcRenderer.removeListener(EVENT_CHANNEL, forward);
};

contextBridge.exposeInMainWorld('axis', api);
