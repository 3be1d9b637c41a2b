import type { Bridge } from '../../../shared/ipc/api';
import type { Contract } from '../../../shared/ipc/contract';
import type { InputOf, OutputOf } from '../../../shared/ipc/define';
import type { ApiErrorShape, Envelope, ErrorCode } from '../../../shared/ipc/errors';
import type { EventName } from '../../../shared/ipc/channels';
import type { EventPayload } from '../../../shared/ipc/events';

declare global {
  interface Window {
    waypoint?: Bridge;
  }
}

/** An error from the main process, with its contract code and optional details. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;
  constructor(shape: ApiErrorShape) {
    super(shape.message);
    this.name = 'ApiError';
    this.code = shape.code;
    this.details = shape.details;
  }
}

type Method<Op> = undefined extends InputOf<Op> ? (input?: InputOf<Op>) => Promise<OutputOf<Op>> : (input: InputOf<Op>) => Promise<OutputOf<Op>>;

export type Api = { [N in keyof Contract]: { [M in keyof Contract[N]]: Method<Contract[N][M]> } };

function bridge(): Bridge {
  if (!window.waypoint) throw new Error('Waypoint API is not available in this window.');
  return window.waypoint;
}

/** The typed API: each call resolves with the result or rejects with an ApiError. */
export const api: Api = new Proxy({} as Api, {
  get(_target, ns: string) {
    return new Proxy(
      {},
      {
        get(_t, method: string) {
          return async (input?: unknown) => {
            const group = (bridge() as unknown as Record<string, Record<string, (i?: unknown) => Promise<Envelope<unknown>>>>)[ns];
            const fn = group?.[method];
            if (typeof fn !== 'function') throw new ApiError({ code: 'FORBIDDEN', message: `Unknown operation ${ns}.${method}` });
            const env = await fn(input);
            if (env.ok) return env.value;
            throw new ApiError(env.error);
          };
        },
      },
    );
  },
});

export function subscribe<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void {
  return bridge().events.subscribe(name, listener);
}

export function isApiError(err: unknown, code?: ErrorCode): err is ApiError {
  return err instanceof ApiError && (code === undefined || err.code === code);
}
