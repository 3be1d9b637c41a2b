import type { WaypointCore } from '../ipc/app';

export type CallResult<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string; details?: unknown } };

/** Calls a channel through the real handler table (validation, scope, services) as the console window. */
export function apiCaller(core: Pick<WaypointCore, 'dispatch'>) {
  async function call<T = unknown>(channel: string, input?: unknown): Promise<CallResult<T>> {
    return (await core.dispatch(channel, input, { scope: 'console' })) as CallResult<T>;
  }
  async function ok<T = unknown>(channel: string, input?: unknown): Promise<T> {
    const env = await call<T>(channel, input);
    if (!env.ok) throw new Error(`${channel} failed: ${env.error.code} ${env.error.message}`);
    return env.value;
  }
  /** The error of a call that must fail (its code, message and field paths). */
  async function fails(channel: string, input?: unknown): Promise<{ code: string; message: string; paths: string[] }> {
    const env = await call(channel, input);
    if (env.ok) throw new Error(`${channel} was expected to fail`);
    const issues = ((env.error.details as { issues?: { path: string[] }[] } | undefined)?.issues ?? []).map((i) => i.path.join('.'));
    return { code: env.error.code, message: env.error.message, paths: issues };
  }
  return { call, ok, fails };
}
