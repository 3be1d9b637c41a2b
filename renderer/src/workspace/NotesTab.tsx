import { useDeferredValue, useState } from 'react';
import { Alert, Box, Button, Card, CardContent, Chip, FormControlLabel, InputAdornment, Skeleton, Stack, Switch, TextField, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import Search from '@mui/icons-material/Search';
import PushPin from '@mui/icons-material/PushPin';
import PushPinOutlined from '@mui/icons-material/PushPinOutlined';
import EditOutlined from '@mui/icons-material/EditOutlined';
import ArchiveOutlined from '@mui/icons-material/ArchiveOutlined';
import UnarchiveOutlined from '@mui/icons-material/UnarchiveOutlined';
import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { Note, StudentDetail } from '../../../shared/ipc/contract';
import { NOTE_VISIBILITIES, type NoteVisibility } from '../../../shared/ipc/contract/common';
import { errorText } from '../components/errorText';
import { formatIsoDate } from '../components/format';
import { ConfirmDialog } from './ConfirmDialog';
import { MarkedText } from './MarkedText';
import { NoteComposer, type NoteDraft } from './NoteComposer';
import { VisibilityChip } from './Visibility';
import { errorsFrom } from './forms';
import { useSave } from './hooks';

const notesKey = (studentId: number) => ['notes', studentId] as const;

function NoteCard({ note, marked }: { note: Note; marked?: string }) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [confirm, setConfirm] = useState(false);
  const key = notesKey(note.studentId);
  const update = useSave((d: Partial<NoteDraft>) => api.notes.update({ id: note.id, version: note.version, changes: d }), { invalidate: [key], success: t('workspace.notes.saved'), onDone: () => setEditing(false) });
  const archive = useSave(() => (note.archivedAt ? api.notes.restore({ id: note.id, version: note.version }) : api.notes.archive({ id: note.id, version: note.version })), {
    invalidate: [key],
    success: (n) => t(n.archivedAt ? 'workspace.notes.archivedDone' : 'workspace.notes.restoredDone'),
  });
  const remove = useSave(() => api.notes.remove({ id: note.id, version: note.version }), { invalidate: [key], success: t('workspace.notes.deleted'), onDone: () => setConfirm(false) });
  const date = (iso: string) => formatIsoDate(iso, i18n.language);
  const actionError = errorsFrom(t, archive.error ?? (editing ? null : update.error)).form;
  const label = `${t('workspace.notes.written', { date: date(note.createdAt) })}: ${note.body.slice(0, 60)}`;

  return (
    <Card component="article" aria-label={label} sx={{ borderColor: note.pinned ? 'primary.main' : undefined, opacity: note.archivedAt ? 0.8 : 1 }}>
      <CardContent sx={{ p: 2.5, '&:last-child': { pb: 2 } }}>
        <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 1 }}>
          <VisibilityChip visibility={note.visibility} />
          {note.pinned && <Chip size="small" color="primary" variant="outlined" icon={<PushPin fontSize="small" />} label={t('workspace.notes.pinned')} />}
          {note.kind === 'parent' && <Chip size="small" variant="outlined" label={t('workspace.notes.kind.parent')} />}
          {note.conferenceId !== null && <Chip size="small" variant="outlined" label={t('workspace.notes.fromConference')} />}
          {note.archivedAt && <Chip size="small" label={t('workspace.notes.archived')} />}
          <Typography variant="body2" color="text.secondary" sx={{ ml: 'auto' }}>
            {t('workspace.notes.written', { date: date(note.createdAt) })}
            {note.updatedAt.slice(0, 10) !== note.createdAt.slice(0, 10) ? ` · ${t('workspace.notes.edited', { date: date(note.updatedAt) })}` : ''}
          </Typography>
        </Stack>
        {editing ? (
          <NoteComposer note={note} bodyLabel={t('workspace.notes.body')} onSubmit={(d) => update.mutate(d)} onCancel={() => setEditing(false)} busy={update.isPending} error={update.error} submitLabel={t('common.actions.save')} autoFocus />
        ) : (
          <>
            <Typography sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{marked ? <MarkedText text={marked} /> : note.body}</Typography>
            {actionError && (
              <Alert severity="error" sx={{ mt: 1 }}>
                {actionError}
              </Alert>
            )}
            <Stack direction="row" spacing={0.5} useFlexGap sx={{ mt: 1.5, flexWrap: 'wrap' }}>
              <Button size="small" startIcon={<EditOutlined />} onClick={() => setEditing(true)}>
                {t('common.actions.edit')}
              </Button>
              <Button size="small" startIcon={note.pinned ? <PushPin /> : <PushPinOutlined />} onClick={() => update.mutate({ pinned: !note.pinned })} disabled={update.isPending}>
                {t(note.pinned ? 'workspace.notes.unpinAction' : 'workspace.notes.pinAction')}
              </Button>
              <Button size="small" startIcon={note.archivedAt ? <UnarchiveOutlined /> : <ArchiveOutlined />} onClick={() => archive.mutate(undefined)} disabled={archive.isPending}>
                {t(note.archivedAt ? 'common.actions.restore' : 'common.actions.archive')}
              </Button>
              <Button size="small" color="error" startIcon={<DeleteOutlined />} onClick={() => setConfirm(true)}>
                {t('common.actions.delete')}
              </Button>
            </Stack>
          </>
        )}
      </CardContent>
      <ConfirmDialog open={confirm} title={t('workspace.notes.deleteTitle')} body={t('workspace.notes.deleteBody')} confirmLabel={t('workspace.notes.delete')} onClose={() => setConfirm(false)} onConfirm={() => remove.mutate(undefined)} busy={remove.isPending} error={remove.error} />
    </Card>
  );
}

/** Notes: composer (private by default), search within the student, filters, pinned first. */
export function NotesTab({ student }: { student: StudentDetail }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query.trim());
  const [filter, setFilter] = useState<NoteVisibility | 'all'>('all');
  const [showArchived, setShowArchived] = useState(false);
  const [composerKey, setComposerKey] = useState(0);
  const key = notesKey(student.id);
  const visibilities = filter === 'all' ? [] : [filter];
  const status = showArchived ? 'all' : 'active';
  const list = useQuery({ queryKey: [...key, 'list', status, filter], queryFn: () => api.notes.list({ studentId: student.id, status, visibilities }), enabled: !deferred, placeholderData: keepPreviousData });
  const search = useQuery({ queryKey: [...key, 'search', deferred, status, filter], queryFn: () => api.notes.search({ query: deferred, studentId: student.id, status, visibilities, limit: 100 }), enabled: !!deferred, placeholderData: keepPreviousData });
  const create = useSave((d: NoteDraft) => api.notes.create({ studentId: student.id, ...d }), { invalidate: [key], success: t('workspace.notes.saved'), onDone: () => setComposerKey((k) => k + 1) });

  const active = deferred ? search : list;
  const items: { note: Note; marked?: string }[] = deferred ? (search.data?.hits ?? []).map((h) => ({ note: h.note, marked: h.marked })) : (list.data ?? []).map((note) => ({ note }));

  return (
    <Box sx={{ display: 'grid', gap: 3, gridTemplateColumns: { xs: '1fr', md: 'minmax(0, 7fr) minmax(300px, 4fr)' }, alignItems: 'start' }}>
      <Card component="section" aria-labelledby="note-new-title" sx={{ order: { md: 2 } }}>
        <CardContent sx={{ p: 2.5 }}>
          <Typography variant="h2" id="note-new-title" sx={{ mb: 2 }}>
            {t('workspace.notes.new')}
          </Typography>
          <NoteComposer key={composerKey} bodyLabel={t('workspace.notes.body')} onSubmit={(d) => create.mutate(d)} busy={create.isPending} error={create.error} submitLabel={t('workspace.notes.save')} />
        </CardContent>
      </Card>

      <Box component="section" aria-labelledby="notes-list-title" sx={{ order: { md: 1 }, minWidth: 0 }}>
        <Typography variant="h2" id="notes-list-title" sx={{ mb: 2 }}>
          {t('workspace.notes.title')}
        </Typography>
        <Stack direction={{ xs: 'column', lg: 'row' }} spacing={2} useFlexGap sx={{ mb: 2, alignItems: { lg: 'flex-end' }, flexWrap: 'wrap' }}>
          <TextField
            type="search"
            label={t('workspace.notes.search')}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            sx={{ maxWidth: { lg: 360 } }}
            slotProps={{ input: { startAdornment: <InputAdornment position="start"><Search /></InputAdornment> } }}
          />
          <Box>
            <Typography variant="body2" color="text.secondary" id="notes-filter" sx={{ mb: 0.5 }}>
              {t('workspace.notes.filter')}
            </Typography>
            <ToggleButtonGroup size="small" exclusive value={filter} onChange={(_e, v) => v && setFilter(v)} aria-labelledby="notes-filter">
              <ToggleButton value="all">{t('workspace.notes.all')}</ToggleButton>
              {NOTE_VISIBILITIES.map((v) => (
                <ToggleButton key={v} value={v}>
                  {t(`workspace.visibility.short.${v}`)}
                </ToggleButton>
              ))}
            </ToggleButtonGroup>
          </Box>
          <FormControlLabel control={<Switch checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} />} label={t('workspace.notes.showArchived')} />
        </Stack>
        <Typography role="status" aria-live="polite" variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
          {deferred
            ? search.data
              ? search.data.total === 0
                ? t('workspace.notes.noMatches', { query: deferred })
                : t('workspace.notes.matches', { count: search.data.total })
              : ''
            : list.data
              ? list.data.length === 0
                ? t('workspace.notes.none')
                : t('workspace.notes.count', { count: list.data.length })
              : ''}
        </Typography>
        {active.isError && <Alert severity="error">{errorText(t, active.error)}</Alert>}
        {!active.data && !active.isError && <Skeleton variant="rounded" height={120} />}
        <Stack spacing={1.5}>
          {items.map(({ note, marked }) => (
            <NoteCard key={note.id} note={note} marked={marked} />
          ))}
        </Stack>
      </Box>
    </Box>
  );
}
