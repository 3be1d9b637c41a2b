import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { Box, Button, Chip, Dialog, DialogActions, DialogTitle, FormControlLabel, IconButton, Stack, Switch, TextField, Tooltip, Typography } from '@mui/material';
import DeleteOutline from '@mui/icons-material/DeleteOutlined';
import EditOutlined from '@mui/icons-material/EditOutlined';
import LockOutlined from '@mui/icons-material/LockOutlined';
import GroupsOutlined from '@mui/icons-material/GroupsOutlined';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { ConferenceNote, ConferenceNoteKind, ConferenceRecord } from '../../../../shared/ipc/contract';
import { formatTime } from '../../../../shared/domain/conference/format';
import type { useRecordChange } from '../useConference';
import { useUiLocale } from '../useConference';
import { useDraft } from './drafts';

type Run = ReturnType<typeof useRecordChange>['run'];

/** Ctrl+Enter (or ⌘+Enter) saves a multi-line note; Enter alone starts a new line. */
function submitOnCtrlEnter(e: KeyboardEvent, submit: () => void) {
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
    e.preventDefault();
    submit();
  }
}

function NoteItem({ conferenceId, note, run, canEdit }: { conferenceId: number; note: ConferenceNote; run: Run; canEdit: boolean }) {
  const { t } = useTranslation();
  const locale = useUiLocale();
  // An edit in progress survives presenter mode; a saved edit makes a new version, so the key goes stale with it.
  const [edit, setEdit] = useDraft(conferenceId, `note-edit:${note.id}:${note.version}`, { editing: false, body: note.body }, { afterEnd: note.kind === 'general' });
  const { editing, body } = edit;
  const setEditing = (on: boolean) => setEdit(on ? { editing: true, body: note.body } : { editing: false, body: note.body });
  const setBody = (next: string) => setEdit((e) => ({ ...e, body: next }));
  const [confirm, setConfirm] = useState(false);
  const save = async () => {
    if (!body.trim()) return;
    if (await run((l) => api.conferences.updateNote({ id: note.id, version: note.version, changes: { body }, locale: l }))) setEditing(false);
  };
  const shared = note.visibility === 'family';
  return (
    <Box component="li" sx={{ border: 1, borderColor: shared ? 'primary.main' : 'divider', borderRadius: 1.5, p: 1.25, mb: 1, bgcolor: shared ? 'rgba(23,80,107,0.04)' : 'background.paper' }}>
      {editing ? (
        <Stack spacing={1}>
          <TextField multiline minRows={2} size="small" label={t('conference.notes.edit')} value={body} onChange={(e) => setBody(e.target.value)} onKeyDown={(e) => submitOnCtrlEnter(e, () => void save())} autoFocus />
          <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end' }}>
            <Button size="small" onClick={() => setEditing(false)}>
              {t('conference.notes.cancelEdit')}
            </Button>
            <Button size="small" variant="contained" onClick={() => void save()} disabled={!body.trim()}>
              {t('conference.notes.save')}
            </Button>
          </Stack>
        </Stack>
      ) : (
        <>
          <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {note.body}
          </Typography>
          <Stack direction="row" sx={{ alignItems: 'center', mt: 0.75, gap: 1, flexWrap: 'wrap' }}>
            <Typography variant="caption" color="text.secondary" sx={{ flex: 1 }}>
              {t('conference.notes.at', { time: formatTime(note.createdAt, locale) })}
            </Typography>
            {note.kind === 'parent' ? (
              <FormControlLabel
                sx={{ mr: 0 }}
                control={
                  <Switch
                    size="small"
                    checked={shared}
                    disabled={!canEdit}
                    onChange={(e) => void run((l) => api.conferences.updateNote({ id: note.id, version: note.version, changes: { visibility: e.target.checked ? 'family' : 'private' }, locale: l }))}
                  />
                }
                label={<Typography variant="caption">{t('conference.notes.switchLabel')}</Typography>}
              />
            ) : (
              <Chip size="small" icon={<LockOutlined />} label={t('conference.notes.privateChip')} sx={{ height: 22 }} />
            )}
            {canEdit && (
              <>
                <Tooltip title={t('conference.notes.edit')}>
                  <IconButton size="small" aria-label={t('conference.notes.edit')} onClick={() => setEditing(true)}>
                    <EditOutlined fontSize="small" />
                  </IconButton>
                </Tooltip>
                <Tooltip title={t('conference.notes.remove')}>
                  <IconButton size="small" aria-label={t('conference.notes.remove')} onClick={() => setConfirm(true)}>
                    <DeleteOutline fontSize="small" />
                  </IconButton>
                </Tooltip>
              </>
            )}
          </Stack>
        </>
      )}
      <Dialog open={confirm} onClose={() => setConfirm(false)} aria-labelledby={`del-note-${note.id}`}>
        <DialogTitle id={`del-note-${note.id}`}>{t('conference.notes.removeConfirm')}</DialogTitle>
        <DialogActions>
          <Button onClick={() => setConfirm(false)} autoFocus>
            {t('common.actions.cancel')}
          </Button>
          <Button color="error" variant="contained" onClick={() => void run((l) => api.conferences.removeNote({ id: note.id, version: note.version, locale: l })).then(() => setConfirm(false))}>
            {t('common.actions.delete')}
          </Button>
        </DialogActions>
      </Dialog>
    </Box>
  );
}

function NoteColumn({ kind, record, run, canAdd, canEdit }: { kind: ConferenceNoteKind; record: ConferenceRecord; run: Run; canAdd: boolean; canEdit: boolean }) {
  const { t } = useTranslation();
  const parent = kind === 'parent';
  const conferenceId = record.conference.id;
  const [body, setBody] = useDraft(conferenceId, `note-new:${kind}:body`, '', { afterEnd: !parent });
  const [share, setShare] = useDraft(conferenceId, `note-new:${kind}:share`, false, { afterEnd: !parent });
  const notes = record.notes.filter((n) => n.kind === kind).slice().reverse();
  const add = async (e?: FormEvent) => {
    e?.preventDefault();
    if (!body.trim()) return;
    const ok = await run((locale) => api.conferences.addNote({ conferenceId: record.conference.id, kind, visibility: parent && share ? 'family' : 'private', body, locale }));
    if (ok) {
      setBody('');
      setShare(false);
    }
  };
  const id = `notes-${kind}`;
  return (
    <Box component="section" aria-labelledby={`${id}-title`}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        {parent ? <GroupsOutlined color="primary" aria-hidden /> : <LockOutlined color="action" aria-hidden />}
        <Typography id={`${id}-title`} variant="h4" component="h3">
          {t(parent ? 'conference.notes.parentTitle' : 'conference.notes.privateTitle')}
        </Typography>
      </Stack>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1, mt: 0.25 }}>
        {t(parent ? 'conference.notes.parentHelp' : 'conference.notes.privateHelp')}
      </Typography>
      {canAdd && (
        <Box component="form" onSubmit={add} sx={{ mb: 1.5 }}>
          <TextField
            multiline
            minRows={2}
            maxRows={8}
            size="small"
            label={t(parent ? 'conference.notes.parentLabel' : 'conference.notes.privateLabel')}
            value={body}
            onChange={(e) => setBody(e.target.value)}
            onKeyDown={(e) => submitOnCtrlEnter(e, () => void add())}
            slotProps={{ htmlInput: { 'data-testid': `note-input-${kind}` } }}
          />
          <Stack direction="row" sx={{ justifyContent: parent ? 'space-between' : 'flex-end', alignItems: 'center', mt: 0.5 }}>
            {parent && <FormControlLabel control={<Switch size="small" checked={share} onChange={(e) => setShare(e.target.checked)} />} label={<Typography variant="body2">{t('conference.notes.shareNew')}</Typography>} />}
            <Button type="submit" size="small" variant="outlined" disabled={!body.trim()}>
              {t('conference.notes.add')}
            </Button>
          </Stack>
        </Box>
      )}
      {notes.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {t(parent ? 'conference.notes.emptyParent' : 'conference.notes.emptyPrivate')}
        </Typography>
      ) : (
        <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0 }}>
          {notes.map((n) => (
            <NoteItem key={`${n.id}-${n.version}`} conferenceId={conferenceId} note={n} run={run} canEdit={canEdit} />
          ))}
        </Box>
      )}
    </Box>
  );
}

/** Private notes (the counselor's own) and parent notes (private unless shared), side by side. */
export function NotesPanel({ record, run, status }: { record: ConferenceRecord; run: Run; status: 'in_progress' | 'ended' }) {
  const running = status === 'in_progress';
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, gap: 2.5 }}>
      <NoteColumn kind="general" record={record} run={run} canAdd canEdit />
      <NoteColumn kind="parent" record={record} run={run} canAdd={running} canEdit={running} />
    </Box>
  );
}
