import { useCallback } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { ConferenceConsoleView, ConferenceRecord, PresentationState } from '../../../shared/ipc/contract';
import type { Locale } from '../../../shared/i18n/locales';
import { useNotify } from '../components/Notifier';
import { conferenceErrorText } from './errors';

export const conferenceKey = (id: number, locale: string) => ['conferences', 'open', id, locale] as const;

export function useUiLocale(): Locale {
  const { i18n } = useTranslation();
  return i18n.language === 'es' ? 'es' : 'en';
}

/** The conference screen's data: one `open` call, then every change returns the new record. */
export function useConference(id: number) {
  const locale = useUiLocale();
  return useQuery({
    queryKey: conferenceKey(id, locale),
    queryFn: () => api.conferences.open({ id, locale }),
    enabled: Number.isInteger(id) && id > 0,
    staleTime: Infinity,
  });
}

/**
 * Runs a change that returns the conference record and puts it in the cache; failures are
 * announced with the specific reason. Returns the record (or null on failure).
 */
export function useRecordChange(id: number) {
  const qc = useQueryClient();
  const locale = useUiLocale();
  const { t } = useTranslation();
  const notify = useNotify();
  const mutation = useMutation({
    mutationFn: (run: (locale: Locale) => Promise<ConferenceRecord>) => run(locale),
    onSuccess: (record) => {
      qc.setQueryData<ConferenceConsoleView>(conferenceKey(id, locale), (v) => (v ? { ...v, record } : v));
      void qc.invalidateQueries({ queryKey: ['conferences', 'history'] });
      void qc.invalidateQueries({ queryKey: ['conferences', 'followUps'] });
    },
    onError: (err) => notify(conferenceErrorText(t, err), 'error'),
  });
  const run = useCallback(
    async (fn: (locale: Locale) => Promise<ConferenceRecord>): Promise<ConferenceRecord | null> => {
      try {
        return await mutation.mutateAsync(fn);
      } catch {
        return null;
      }
    },
    [mutation],
  );
  return { run, pending: mutation.isPending };
}

/** Presentation changes return the new state; it is kept with the conference view. */
export function usePresentationChange(id: number) {
  const qc = useQueryClient();
  const locale = useUiLocale();
  const { t } = useTranslation();
  const notify = useNotify();
  return useCallback(
    async (fn: () => Promise<PresentationState>): Promise<PresentationState | null> => {
      try {
        const state = await fn();
        qc.setQueryData<ConferenceConsoleView>(conferenceKey(id, locale), (v) => (v ? { ...v, presentation: state } : v));
        return state;
      } catch (err) {
        notify(conferenceErrorText(t, err), 'error');
        return null;
      }
    },
    [qc, id, locale, notify, t],
  );
}
