import { useState, type FormEvent } from 'react';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Divider, IconButton, ListItemText, Menu, MenuItem, TextField } from '@mui/material';
import BookmarksOutlined from '@mui/icons-material/BookmarksOutlined';
import DeleteOutline from '@mui/icons-material/DeleteOutlineOutlined';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, isApiError } from '../api/client';
import { errorText } from '../components/errorText';
import { useNotify } from '../components/Notifier';
import type { CaseloadView, CaseloadViewQuery } from '../../../shared/ipc/contract';

/** Pick a saved filter set, save the current one under a name, or delete one. */
export function SavedViews({
  current,
  active,
  onApply,
  onSaved,
  onRemoved,
}: {
  current: CaseloadViewQuery;
  active: { id: number; name: string } | null;
  onApply: (v: CaseloadView) => void;
  onSaved: (v: CaseloadView) => void;
  onRemoved: (id: number) => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const notify = useNotify();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [saving, setSaving] = useState(false);
  const [name, setName] = useState('');
  const [exists, setExists] = useState(false);
  const [removing, setRemoving] = useState<CaseloadView | null>(null);
  const views = useQuery({ queryKey: ['caseload', 'views'], queryFn: () => api.caseloadViews.list() });

  const save = useMutation({
    mutationFn: (replace: boolean) => api.caseloadViews.save({ name, query: current, replace }),
    onSuccess: (v) => {
      void qc.invalidateQueries({ queryKey: ['caseload', 'views'] });
      setSaving(false);
      setExists(false);
      notify(t('caseload.views.saved'));
      onSaved(v);
    },
    onError: (err) => setExists(isApiError(err, 'DUPLICATE')),
  });
  const remove = useMutation({
    mutationFn: (v: CaseloadView) => api.caseloadViews.remove({ id: v.id }),
    onSuccess: (_r, v) => {
      void qc.invalidateQueries({ queryKey: ['caseload', 'views'] });
      setRemoving(null);
      notify(t('caseload.views.removed'));
      onRemoved(v.id);
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (name.trim()) save.mutate(exists);
  };

  return (
    <>
      <Button variant="outlined" startIcon={<BookmarksOutlined />} onClick={(e) => setAnchor(e.currentTarget)} aria-haspopup="menu" aria-expanded={!!anchor}>
        {t('caseload.views.choose')}
      </Button>
      <Menu anchorEl={anchor} open={!!anchor} onClose={() => setAnchor(null)} slotProps={{ list: { 'aria-label': t('caseload.views.label') } }}>
        {(views.data ?? []).length === 0 && (
          <MenuItem disabled>
            <ListItemText primary={t('caseload.views.none')} />
          </MenuItem>
        )}
        {(views.data ?? []).map((v) => (
          <MenuItem
            key={v.id}
            selected={active?.id === v.id}
            onClick={() => {
              setAnchor(null);
              onApply(v);
            }}
            sx={{ pr: 1 }}
          >
            <ListItemText primary={v.name} sx={{ mr: 2 }} />
            <IconButton
              size="small"
              edge="end"
              aria-label={t('caseload.views.remove', { name: v.name })}
              onClick={(e) => {
                e.stopPropagation();
                setAnchor(null);
                setRemoving(v);
              }}
            >
              <DeleteOutline fontSize="small" />
            </IconButton>
          </MenuItem>
        ))}
        <Divider />
        <MenuItem
          onClick={() => {
            setAnchor(null);
            setName(active?.name ?? '');
            setExists(false);
            save.reset();
            setSaving(true);
          }}
        >
          {t('caseload.views.save')}
        </MenuItem>
      </Menu>

      <Dialog open={saving} onClose={() => setSaving(false)} maxWidth="xs" fullWidth aria-labelledby="save-view-title">
        <form onSubmit={submit} noValidate>
          <DialogTitle id="save-view-title">{t('caseload.views.saveTitle')}</DialogTitle>
          <DialogContent>
            <TextField
              autoFocus
              label={t('caseload.views.name')}
              value={name}
              onChange={(e) => {
                setName(e.target.value);
                setExists(false);
              }}
              helperText={t('caseload.views.nameHelp')}
              slotProps={{ htmlInput: { maxLength: 80 } }}
              sx={{ mt: 1 }}
            />
            {exists && (
              <Alert severity="warning" sx={{ mt: 2 }}>
                {t('caseload.views.replaceQuestion', { name: name.trim() })}
              </Alert>
            )}
            {save.isError && !exists && (
              <Alert severity="error" sx={{ mt: 2 }}>
                {errorText(t, save.error)}
              </Alert>
            )}
          </DialogContent>
          <DialogActions sx={{ px: 3, pb: 2 }}>
            <Button onClick={() => setSaving(false)}>{t('common.actions.cancel')}</Button>
            <Button type="submit" variant="contained" disabled={!name.trim() || save.isPending}>
              {exists ? t('caseload.views.replace') : t('common.actions.save')}
            </Button>
          </DialogActions>
        </form>
      </Dialog>

      <Dialog open={!!removing} onClose={() => setRemoving(null)} aria-labelledby="remove-view-title">
        <DialogTitle id="remove-view-title">{t('caseload.views.removeTitle', { name: removing?.name ?? '' })}</DialogTitle>
        <DialogContent>
          <DialogContentText>{t('caseload.views.removeBody')}</DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setRemoving(null)} autoFocus>
            {t('common.actions.cancel')}
          </Button>
          <Button variant="contained" color="error" onClick={() => removing && remove.mutate(removing)} disabled={remove.isPending}>
            {t('common.actions.delete')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
