import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useNotify } from '../components/Notifier';
import { courseErrorText } from './format';
import { ImportPreviewDialog, type ImportPreview } from './ImportPreviewDialog';

type Kind = 'catalog-csv' | 'catalog-edfi' | 'transcript';

/**
 * Choose a file (the main process opens the dialog), show the preview, commit all or
 * nothing. The renderer never sees a path or the file's contents — only the preview.
 */
export function useImport() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const notify = useNotify();
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function start(kind: Kind) {
    setError(null);
    setBusy(true);
    try {
      if (kind === 'transcript') {
        const p = await api.coursePlans.previewTranscript();
        if (p) setPreview({ type: 'transcript', ...p });
      } else {
        const p = kind === 'catalog-csv' ? await api.catalog.previewCsv() : await api.catalog.previewEdfi();
        if (p) setPreview({ type: 'catalog', ...p });
      }
    } catch (err) {
      notify(courseErrorText(t, err), 'error');
    } finally {
      setBusy(false);
    }
  }

  async function commit() {
    if (!preview) return;
    setBusy(true);
    setError(null);
    try {
      const r = preview.type === 'transcript' ? await api.coursePlans.commitTranscript({ token: preview.token }) : await api.catalog.commitImport({ token: preview.token });
      setPreview(null);
      notify(t('courses.imports.committed', { new: r.counts.new, updated: r.counts.updated }));
      await qc.invalidateQueries({ queryKey: ['catalog'] });
      await qc.invalidateQueries({ queryKey: ['coursePlans'] });
      await qc.invalidateQueries({ queryKey: ['prereg'] });
    } catch (err) {
      setError(courseErrorText(t, err));
    } finally {
      setBusy(false);
    }
  }

  function close() {
    if (preview?.type === 'catalog') void api.catalog.cancelImport({ token: preview.token }).catch(() => undefined);
    setPreview(null);
    setError(null);
  }

  const dialog = preview ? <ImportPreviewDialog preview={preview} busy={busy} error={error} onCommit={() => void commit()} onClose={close} /> : null;
  return { start, busy, dialog };
}
