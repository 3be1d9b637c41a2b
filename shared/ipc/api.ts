import type { Envelope } from './errors';
import type { Contract } from './contract';
import type { InputOf, OutputOf } from './define';
import type { EventName } from './channels';
import type { EventPayload } from './events';

type Call<Op> = undefined extends InputOf<Op> ? (input?: InputOf<Op>) => Promise<Envelope<OutputOf<Op>>> : (input: InputOf<Op>) => Promise<Envelope<OutputOf<Op>>>;

/** What the preload exposes as `window.waypoint`: one function per operation, returning an envelope. */
export type Bridge = {
  [N in keyof Contract]: { [M in keyof Contract[N]]: Call<Contract[N][M]> };
} & {
  events: { subscribe<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void };
};
