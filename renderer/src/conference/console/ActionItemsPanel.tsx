import { type FormEvent } from 'react';
import { Box, Button, Checkbox, Chip, FormControlLabel, IconButton, MenuItem, Stack, TextField, Tooltip, Typography } from '@mui/material';
import DeleteOutline from '@mui/icons-material/DeleteOutlined';
import LockOutlined from '@mui/icons-material/LockOutlined';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { ConferenceRecord } from '../../../../shared/ipc/contract';
import { formatDate } from '../../../../shared/domain/conference/format';
import type { useRecordChange } from '../useConference';
import { useUiLocale } from '../useConference';
import { Section } from './Section';
import { useOptimisticChecks } from './useOptimistic';
import { useDraft } from './drafts';

type Run = ReturnType<typeof useRecordChange>['run'];
const SOMEONE_ELSE = 'other';

/** Action items (owner, due date). Shared unless kept private; still editable after the meeting (follow-ups). */
export function ActionItemsPanel({ record, canAdd, run }: { record: ConferenceRecord; canAdd: boolean; run: Run }) {
  const { t } = useTranslation();
  const locale = useUiLocale();
  const cid = record.conference.id;
  const [text, setText] = useDraft(cid, 'action-new:text', '');
  const [owner, setOwner] = useDraft<string>(cid, 'action-new:owner', '');
  const [ownerName, setOwnerName] = useDraft(cid, 'action-new:ownerName', '');
  const [due, setDue] = useDraft(cid, 'action-new:due', '');
  const [privateItem, setPrivateItem] = useDraft(cid, 'action-new:private', false);
  const checks = useOptimisticChecks();

  async function add(e: FormEvent) {
    e.preventDefault();
    if (!text.trim()) return;
    const ok = await run((l) =>
      api.conferences.addActionItem({
        conferenceId: record.conference.id,
        item: {
          text,
          ownerAttendeeId: owner && owner !== SOMEONE_ELSE ? Number(owner) : null,
          ownerName: owner === SOMEONE_ELSE ? ownerName || null : null,
          dueDate: due || null,
          visibility: privateItem ? 'private' : 'family',
        },
        locale: l,
      }),
    );
    if (ok) {
      setText('');
      setOwner('');
      setOwnerName('');
      setDue('');
      setPrivateItem(false);
    }
  }

  return (
    <Section id="actions" title={t('conference.actions.title')}>
      {record.actionItems.length === 0 ? (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {t('conference.actions.empty')}
        </Typography>
      ) : (
        <Box component="ul" sx={{ listStyle: 'none', p: 0, m: '0 0 1em' }}>
          {record.actionItems.map((a) => (
            <Box component="li" key={a.id} sx={{ display: 'flex', alignItems: 'flex-start', gap: 0.5, py: 0.5, borderBottom: 1, borderColor: 'divider' }}>
              <Checkbox
                checked={checks.checked(a.id, a.done)}
                onChange={(e) => {
                  const done = e.target.checked;
                  void checks.toggle(a.id, done, () => run((l) => api.conferences.updateActionItem({ id: a.id, version: a.version, changes: { done }, locale: l })));
                }}
                slotProps={{ input: { 'aria-label': t('conference.actions.markDone', { text: a.text }) } }}
                sx={{ p: 0.75 }}
              />
              <Box sx={{ flex: 1, minWidth: 0, pt: 0.5 }}>
                <Typography variant="body2" sx={{ fontWeight: 600, textDecoration: a.done ? 'line-through' : 'none' }}>
                  {a.text}
                </Typography>
                <Typography variant="caption" color="text.secondary">
                  {[a.ownerName ?? t('conference.actions.ownerNone'), a.dueDate ? t('conference.actions.due_date', { date: formatDate(a.dueDate, locale, 'medium') }) : t('conference.actions.noDue')].join(' · ')}
                </Typography>
                {a.visibility === 'private' && <Chip size="small" icon={<LockOutlined />} label={t('conference.actions.privateChip')} sx={{ ml: 1, height: 20 }} />}
              </Box>
              {canAdd && (
                <Tooltip title={t('conference.actions.remove')}>
                  <IconButton size="small" aria-label={`${t('conference.actions.remove')}: ${a.text}`} onClick={() => void run((l) => api.conferences.removeActionItem({ id: a.id, version: a.version, locale: l }))}>
                    <DeleteOutline fontSize="small" />
                  </IconButton>
                </Tooltip>
              )}
            </Box>
          ))}
        </Box>
      )}
      {canAdd && (
        <Box component="form" onSubmit={add} aria-label={t('conference.actions.add')} sx={{ display: 'grid', gap: 1 }}>
          <TextField size="small" label={t('conference.actions.text')} value={text} onChange={(e) => setText(e.target.value)} slotProps={{ htmlInput: { maxLength: 500 } }} />
          <Stack direction="row" spacing={1}>
            <TextField select size="small" label={t('conference.actions.owner')} value={owner} onChange={(e) => setOwner(e.target.value)} sx={{ flex: 1 }}>
              <MenuItem value="">{t('conference.actions.ownerNone')}</MenuItem>
              {record.attendees.map((a) => (
                <MenuItem key={a.id} value={String(a.id)}>
                  {a.name}
                </MenuItem>
              ))}
              <MenuItem value={SOMEONE_ELSE}>{t('conference.actions.ownerSomeoneElse')}</MenuItem>
            </TextField>
            <TextField size="small" type="date" label={t('conference.actions.due')} value={due} onChange={(e) => setDue(e.target.value)} sx={{ width: 170 }} slotProps={{ inputLabel: { shrink: true } }} />
          </Stack>
          {owner === SOMEONE_ELSE && <TextField size="small" label={t('conference.actions.ownerName')} value={ownerName} onChange={(e) => setOwnerName(e.target.value)} slotProps={{ htmlInput: { maxLength: 120 } }} />}
          <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center' }}>
            <FormControlLabel control={<Checkbox size="small" checked={privateItem} onChange={(e) => setPrivateItem(e.target.checked)} />} label={<Typography variant="body2">{t('conference.actions.private')}</Typography>} />
            <Button type="submit" size="small" variant="outlined" disabled={!text.trim()}>
              {t('conference.actions.add')}
            </Button>
          </Stack>
        </Box>
      )}
    </Section>
  );
}
