import type { AppContext } from '../services/context';
import { AutoLock } from '../services/autoLock';
import { createDispatcher, type Dispatch } from './dispatcher';
import { createHandlers, createServices, type Services } from './handlers';

export interface WaypointCore {
  ctx: AppContext;
  services: Services;
  autoLock: AutoLock;
  dispatch: Dispatch;
}

/** Wires context → services → handler table → dispatcher. Shared by Electron and the harness. */
export function createCore(ctx: AppContext, options: { logError?: (channel: string, error: unknown) => void } = {}): WaypointCore {
  const services = createServices(ctx);
  const autoLock = new AutoLock(ctx.vault, ctx.prefs, ctx.now);
  const handlers = createHandlers(ctx, services, autoLock);
  const dispatch = createDispatcher(handlers, {
    onCall: (channel, call) => {
      // Status checks are not the counselor doing something; everything else is.
      if (call.scope === 'console' && channel !== 'wp:vault.status') autoLock.touch();
    },
    logError: options.logError,
  });
  ctx.vault.onLock((reason) => ctx.events.emit('vault.locked', { reason }));
  return { ctx, services, autoLock, dispatch };
}
