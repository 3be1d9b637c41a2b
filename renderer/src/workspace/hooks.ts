import { useMutation, useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { api } from '../api/client';
import { useNotify } from '../components/Notifier';

export const planKey = (studentId: number) => ['plan', studentId] as const;

/** The Plan tab's data: goals (with steps, check-ins, links) and strengths/weaknesses, one call. */
export function usePlan(studentId: number, includeArchived: boolean) {
  return useQuery({ queryKey: [...planKey(studentId), includeArchived], queryFn: () => api.goals.plan({ studentId, includeArchived }) });
}

/**
 * A save/delete call: on success, refresh what it changed and confirm in words. Errors stay
 * on the mutation for the form to show beside its fields.
 */
export function useSave<I, O>(fn: (input: I) => Promise<O>, options: { invalidate: QueryKey[]; success?: string | ((o: O) => string); onDone?: (o: O, input: I) => void }) {
  const qc = useQueryClient();
  const notify = useNotify();
  return useMutation({
    mutationFn: fn,
    onSuccess: async (o, input) => {
      await Promise.all(options.invalidate.map((queryKey) => qc.invalidateQueries({ queryKey })));
      const msg = typeof options.success === 'function' ? options.success(o) : options.success;
      if (msg) notify(msg);
      options.onDone?.(o, input);
    },
  });
}

/** "612 / 600" once the text nears its limit, so nothing is ever cut without the counselor seeing it. */
export function lengthHint(value: string, max: number): string | undefined {
  return value.length > max * 0.85 ? `${value.length} / ${max}` : undefined;
}
