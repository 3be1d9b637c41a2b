import type { z } from 'zod';

/**
 * Which windows may call an operation. The family-facing window (conference mode) only
 * reaches 'family' operations, whose results the main process builds from family-visible
 * data; everything else is for the counselor's console.
 */
export type Scope = 'console' | 'family';

export interface Operation<I extends z.ZodType, O> {
  readonly input: I;
  readonly scope: Scope;
  /** Phantom: carries the result type; results are plain JSON built by the main process. */
  readonly output?: O;
}

/** `op<Result>()(inputSchema)`: the input is validated at runtime, the result is typed. */
export function op<O>() {
  return <I extends z.ZodType>(input: I, scope: Scope = 'console'): Operation<I, O> => ({ input, scope });
}

export type AnyOperation = Operation<z.ZodType, unknown>;
export type Namespace = Record<string, AnyOperation>;
export type ContractShape = Record<string, Namespace>;

export type InputOf<T> = T extends Operation<infer I, unknown> ? z.input<I> : never;
export type ParsedInputOf<T> = T extends Operation<infer I, unknown> ? z.output<I> : never;
export type OutputOf<T> = T extends Operation<z.ZodType, infer O> ? O : never;

export function channelName(namespace: string, method: string): string {
  return `wp:${namespace}.${method}`;
}
