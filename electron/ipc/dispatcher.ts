import type { z } from 'zod';
import { contract, type Contract } from '../../shared/ipc/contract';
import type { AnyOperation, OutputOf, ParsedInputOf, Scope } from '../../shared/ipc/define';
import { channelFor } from '../../shared/ipc/channels';
import { AppError, type Envelope } from '../../shared/ipc/errors';

export interface CallContext {
  /** Which kind of window called: the family view may only reach 'family' operations. */
  scope: Scope;
}

export type Handlers = {
  [N in keyof Contract]: {
    [M in keyof Contract[N]]: (input: ParsedInputOf<Contract[N][M]>, call: CallContext) => OutputOf<Contract[N][M]> | Promise<OutputOf<Contract[N][M]>>;
  };
};

export type Dispatch = (channel: string, rawInput: unknown, call: CallContext) => Promise<Envelope<unknown>>;

interface Route {
  operation: AnyOperation;
  handler: (input: unknown, call: CallContext) => unknown;
}

export interface DispatcherOptions {
  /** Called before every console operation (e.g. to restart the idle timer). */
  onCall?: (channel: string, call: CallContext) => void;
  /** Where unexpected errors are reported. Receives no inputs and no results: no student data. */
  logError?: (channel: string, error: unknown) => void;
}

function validationError(issues: z.core.$ZodIssue[]): AppError {
  return new AppError(
    'VALIDATION',
    issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; '),
    {
      issues: issues.map((i) => ({
        path: i.path.map(String),
        message: i.message,
        code: i.code,
        // Lets the screen say "at most 20,000 characters" instead of a bare "needs attention".
        ...(i.code === 'too_big' && i.origin === 'string' ? { maximum: Number(i.maximum) } : {}),
      })),
    },
  );
}

/**
 * The handler table behind every transport (Electron IPC, the browser harness binding):
 * channel → scope check → runtime validation → service → plain-JSON envelope.
 */
export function createDispatcher(handlers: Handlers, options: DispatcherOptions = {}): Dispatch {
  const routes = new Map<string, Route>();
  for (const [ns, ops] of Object.entries(contract) as [string, Record<string, AnyOperation>][]) {
    for (const [method, operation] of Object.entries(ops)) {
      const handler = (handlers as unknown as Record<string, Record<string, Route['handler']>>)[ns]?.[method];
      if (typeof handler !== 'function') throw new Error(`No handler for ${ns}.${method}`);
      routes.set(channelFor(ns, method), { operation, handler });
    }
  }
  return async (channel, rawInput, call) => {
    try {
      const route = routes.get(channel);
      if (!route) throw new AppError('FORBIDDEN', 'Unknown operation.');
      if (call.scope === 'family' && route.operation.scope !== 'family') {
        throw new AppError('FORBIDDEN', 'This window may not use that operation.');
      }
      const parsed = route.operation.input.safeParse(rawInput);
      if (!parsed.success) throw validationError(parsed.error.issues);
      options.onCall?.(channel, call);
      const value = await route.handler(parsed.data, call);
      return { ok: true, value: value === undefined ? null : value } as Envelope<unknown>;
    } catch (err) {
      if (err instanceof AppError) return { ok: false, error: err.toJSON() };
      options.logError?.(channel, err);
      return { ok: false, error: { code: 'INTERNAL', message: 'Something went wrong. Nothing was saved from this action.' } };
    }
  };
}
