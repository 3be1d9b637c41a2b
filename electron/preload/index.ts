import { contextBridge, ipcRenderer } from 'electron';
import { API_SHAPE, EVENT_NAMES, channelFor, eventChannel, type EventName } from '../../shared/ipc/channels';

/**
 * The only thing the renderer gets: one function per contract operation and a
 * subscription to the named events. No ipcRenderer, no generic invoke, no Node.
 */
const api: Record<string, unknown> = {};
for (const [ns, methods] of Object.entries(API_SHAPE)) {
  const group: Record<string, (input?: unknown) => Promise<unknown>> = {};
  for (const method of methods) {
    const channel = channelFor(ns, method);
    group[method] = (input?: unknown) => ipcRenderer.invoke(channel, input);
  }
  api[ns] = Object.freeze(group);
}
api.events = Object.freeze({
  subscribe(name: EventName, listener: (payload: unknown) => void): () => void {
    if (!(EVENT_NAMES as readonly string[]).includes(name) || typeof listener !== 'function') return () => undefined;
    const channel = eventChannel(name);
    const wrapped = (_event: unknown, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, wrapped);
    return () => ipcRenderer.removeListener(channel, wrapped);
  },
});

contextBridge.exposeInMainWorld('waypoint', Object.freeze(api));
