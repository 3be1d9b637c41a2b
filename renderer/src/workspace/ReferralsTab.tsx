import { useState } from 'react';
import { Alert, Box, Button, Card, CardContent, Chip, FormControlLabel, Skeleton, Stack, Switch, Typography } from '@mui/material';
import AddOutlined from '@mui/icons-material/AddOutlined';
import EditOutlined from '@mui/icons-material/EditOutlined';
import ArchiveOutlined from '@mui/icons-material/ArchiveOutlined';
import UnarchiveOutlined from '@mui/icons-material/UnarchiveOutlined';
import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import LockOutlined from '@mui/icons-material/LockOutlined';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { Referral, StudentDetail } from '../../../shared/ipc/contract';
import { errorText } from '../components/errorText';
import { formatIsoDate } from '../components/format';
import { ConfirmDialog } from './ConfirmDialog';
import { ReferralDialog } from './ReferralDialog';
import { VisibilityChip } from './Visibility';
import { errorsFrom } from './forms';
import { useSave } from './hooks';

function ReferralCard({ referral: r, onEdit, onDelete }: { referral: Referral; onEdit: () => void; onDelete: () => void }) {
  const { t, i18n } = useTranslation();
  const archive = useSave(() => (r.archivedAt ? api.referrals.restore({ id: r.id, version: r.version }) : api.referrals.archive({ id: r.id, version: r.version })), {
    invalidate: [['referrals', r.studentId]],
    success: (x) => t(x.archivedAt ? 'workspace.referrals.archivedDone' : 'workspace.referrals.restoredDone'),
  });
  const date = (d: string) => formatIsoDate(d, i18n.language);
  const title = r.kind === 'other' && r.kindOther ? `${t('workspace.referrals.kind.other')}: ${r.kindOther}` : t(`workspace.referrals.kind.${r.kind}`);
  return (
    <Card component="li" aria-label={title} sx={{ opacity: r.archivedAt ? 0.8 : 1 }}>
      <CardContent sx={{ p: 2.5, '&:last-child': { pb: 2 } }}>
        <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 1 }}>
          <Typography variant="h3" component="h3">
            {title}
          </Typography>
          <Chip size="small" color={r.status === 'closed' ? 'default' : 'primary'} variant={r.status === 'closed' ? 'filled' : 'outlined'} label={t(`workspace.referrals.status.${r.status}`)} />
          {r.outcome && <Chip size="small" color={r.outcome === 'eligible' ? 'success' : 'default'} variant="outlined" label={`${t('workspace.referrals.outcomeLabel')}: ${t(`workspace.referrals.outcome.${r.outcome}`)}`} />}
          <VisibilityChip visibility={r.visibility} />
          {r.archivedAt && <Chip size="small" label={t('workspace.notes.archived')} />}
        </Stack>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {t('workspace.referrals.referredOn', { date: date(r.referredOn) })} · {r.parentConsultedOn ? t('workspace.referrals.consultedOn', { date: date(r.parentConsultedOn) }) : t('workspace.referrals.parentNotConsulted')}
        </Typography>
        <Typography sx={{ whiteSpace: 'pre-wrap' }}>{r.reason}</Typography>
        {r.status === 'closed' && r.outcomeNote && (
          <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', mt: 1 }}>
            <Box component="span" sx={{ fontWeight: 600 }}>
              {t('workspace.referrals.outcomeNote')}:
            </Box>{' '}
            {r.outcomeNote}
          </Typography>
        )}
        {archive.isError && <Alert severity="error">{errorsFrom(t, archive.error).form}</Alert>}
        <Stack direction="row" spacing={0.5} sx={{ mt: 1.5 }}>
          <Button size="small" startIcon={<EditOutlined />} onClick={onEdit} aria-label={`${t('common.actions.edit')}: ${title}`}>
            {t('common.actions.edit')}
          </Button>
          <Button size="small" startIcon={r.archivedAt ? <UnarchiveOutlined /> : <ArchiveOutlined />} onClick={() => archive.mutate(undefined)} disabled={archive.isPending}>
            {t(r.archivedAt ? 'common.actions.restore' : 'common.actions.archive')}
          </Button>
          <Button size="small" color="error" startIcon={<DeleteOutlined />} onClick={onDelete} aria-label={`${t('workspace.referrals.delete')}: ${title}`}>
            {t('common.actions.delete')}
          </Button>
        </Stack>
      </CardContent>
    </Card>
  );
}

/** Referrals to gifted/talented, at-risk, 504 and special-education processes; open ones first. */
export function ReferralsTab({ student }: { student: StudentDetail }) {
  const { t } = useTranslation();
  const [showArchived, setShowArchived] = useState(false);
  const list = useQuery({ queryKey: ['referrals', student.id, showArchived], queryFn: () => api.referrals.list({ studentId: student.id, status: showArchived ? 'all' : 'active' }) });
  const [editing, setEditing] = useState<Referral | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Referral | null>(null);
  const remove = useSave((r: Referral) => api.referrals.remove({ id: r.id, version: r.version }), { invalidate: [['referrals', student.id]], success: t('workspace.referrals.deleted'), onDone: () => setDeleting(null) });
  return (
    <Stack spacing={3}>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ justifyContent: 'space-between', alignItems: { md: 'flex-start' } }}>
        <Box>
          <Typography variant="h2">{t('workspace.referrals.title')}</Typography>
          <Typography color="text.secondary" sx={{ display: 'flex', alignItems: 'center', gap: 0.75 }}>
            <LockOutlined fontSize="small" aria-hidden /> {t('workspace.referrals.intro')}
          </Typography>
        </Box>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexShrink: 0 }}>
          <FormControlLabel control={<Switch checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} />} label={t('workspace.referrals.showArchived')} />
          <Button variant="contained" startIcon={<AddOutlined />} onClick={() => setEditing('new')}>
            {t('workspace.referrals.add')}
          </Button>
        </Stack>
      </Stack>
      {list.isError && <Alert severity="error">{errorText(t, list.error)}</Alert>}
      {!list.data && !list.isError && <Skeleton variant="rounded" height={160} />}
      {list.data?.length === 0 && <Alert severity="info">{t('workspace.referrals.none')}</Alert>}
      <Stack spacing={2} component="ul" sx={{ listStyle: 'none', p: 0, m: 0 }}>
        {list.data?.map((r) => (
          <ReferralCard key={r.id} referral={r} onEdit={() => setEditing(r)} onDelete={() => setDeleting(r)} />
        ))}
      </Stack>
      {editing && <ReferralDialog studentId={student.id} referral={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />}
      <ConfirmDialog open={!!deleting} title={t('workspace.referrals.deleteTitle')} body={t('workspace.referrals.deleteBody')} confirmLabel={t('workspace.referrals.delete')} onClose={() => setDeleting(null)} onConfirm={() => deleting && remove.mutate(deleting)} busy={remove.isPending} error={remove.error} />
    </Stack>
  );
}
