import { type FormEvent } from 'react';
import { Box, Button, Checkbox, Chip, IconButton, LinearProgress, Stack, TextField, Tooltip, Typography, FormControlLabel } from '@mui/material';
import DeleteOutline from '@mui/icons-material/DeleteOutlined';
import LockOutlined from '@mui/icons-material/LockOutlined';
import LockOpenOutlined from '@mui/icons-material/LockOpenOutlined';
import HelpOutline from '@mui/icons-material/HelpOutlineOutlined';
import MenuBookOutlined from '@mui/icons-material/MenuBookOutlined';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { ConferenceRecord } from '../../../../shared/ipc/contract';
import type { useRecordChange } from '../useConference';
import { Section } from './Section';
import { useOptimisticChecks } from './useOptimistic';
import { useDraft } from './drafts';

type Run = ReturnType<typeof useRecordChange>['run'];

/** The agenda as a checklist: check items off as they are covered; private items stay on this screen. */
export function AgendaPanel({ record, readOnly, run }: { record: ConferenceRecord; readOnly: boolean; run: Run }) {
  const { t } = useTranslation();
  const [text, setText] = useDraft(record.conference.id, 'agenda-new:text', '');
  const [privateItem, setPrivateItem] = useDraft(record.conference.id, 'agenda-new:private', false);
  const checks = useOptimisticChecks();
  const items = record.agenda;
  const shared = items.filter((i) => i.visibility === 'family');
  const done = shared.filter((i) => checks.checked(i.id, i.done)).length;

  async function add(e: FormEvent) {
    e.preventDefault();
    if (!text.trim()) return;
    const ok = await run((locale) => api.conferences.addAgendaItem({ conferenceId: record.conference.id, text, visibility: privateItem ? 'private' : 'family', locale }));
    if (ok) {
      setText('');
      setPrivateItem(false);
    }
  }

  return (
    <Section id="agenda" title={t('conference.agenda.title')} action={<Typography variant="body2" color="text.secondary">{t('conference.agenda.progress', { done, total: shared.length })}</Typography>}>
      <LinearProgress variant="determinate" value={shared.length ? (done / shared.length) * 100 : 0} aria-hidden sx={{ mb: 1.5, height: 6, borderRadius: 3 }} />
      {items.length === 0 && <Typography color="text.secondary">{t('conference.agenda.empty')}</Typography>}
      <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0 }}>
        {items.map((item) => (
          <Box
            component="li"
            key={item.id}
            // Per-item controls stay quiet until the row is hovered or focused (keyboard users reach them by Tab).
            sx={{ display: 'flex', alignItems: 'flex-start', gap: 0.5, py: 0.25, borderRadius: 1, bgcolor: item.visibility === 'private' ? 'action.hover' : undefined, '& .row-tools': { opacity: 0.45 }, '&:hover .row-tools, &:focus-within .row-tools': { opacity: 1 } }}
          >
            <Checkbox
              checked={checks.checked(item.id, item.done)}
              disabled={readOnly}
              onChange={(e) => {
                const done = e.target.checked;
                void checks.toggle(item.id, done, () => run((locale) => api.conferences.updateAgendaItem({ id: item.id, changes: { done }, locale })));
              }}
              slotProps={{ input: { 'aria-label': item.text } }}
              sx={{ p: 0.75 }}
            />
            <Box sx={{ flex: 1, pt: 0.75, minWidth: 0 }}>
              <Typography variant="body2" sx={{ color: item.done ? 'text.secondary' : 'text.primary' }}>
                {item.text}
              </Typography>
              <Stack direction="row" spacing={0.5} sx={{ mt: 0.25 }}>
                {item.visibility === 'private' && <Chip size="small" icon={<LockOutlined />} label={t('conference.agenda.private')} title={t('conference.agenda.privateHint')} sx={{ height: 20 }} />}
                {item.uncertain && (
                  <Tooltip title={t('conference.agenda.uncertain', { note: item.uncertain })}>
                    <Chip size="small" color="warning" variant="outlined" icon={<HelpOutline />} label={t('conference.sources.uncertain')} sx={{ height: 20 }} tabIndex={0} aria-label={t('conference.agenda.uncertain', { note: item.uncertain })} />
                  </Tooltip>
                )}
                {item.source && (
                  <Tooltip title={t('conference.agenda.source', { source: item.source })}>
                    <IconButton size="small" sx={{ p: 0.25 }} aria-label={t('conference.agenda.source', { source: item.source })}>
                      <MenuBookOutlined sx={{ fontSize: 16 }} />
                    </IconButton>
                  </Tooltip>
                )}
              </Stack>
            </Box>
            {!readOnly && (
              <Stack direction="row" className="row-tools">
                <Tooltip title={t(item.visibility === 'private' ? 'conference.agenda.share' : 'conference.agenda.makePrivate')}>
                  <IconButton
                    size="small"
                    aria-label={`${t(item.visibility === 'private' ? 'conference.agenda.share' : 'conference.agenda.makePrivate')}: ${item.text}`}
                    onClick={() => void run((locale) => api.conferences.updateAgendaItem({ id: item.id, changes: { visibility: item.visibility === 'private' ? 'family' : 'private' }, locale }))}
                  >
                    {item.visibility === 'private' ? <LockOpenOutlined fontSize="small" /> : <LockOutlined fontSize="small" />}
                  </IconButton>
                </Tooltip>
                <Tooltip title={t('conference.agenda.remove', { text: item.text })}>
                  <IconButton size="small" aria-label={t('conference.agenda.remove', { text: item.text })} onClick={() => void run((locale) => api.conferences.removeAgendaItem({ id: item.id, locale }))}>
                    <DeleteOutline fontSize="small" />
                  </IconButton>
                </Tooltip>
              </Stack>
            )}
          </Box>
        ))}
      </Box>
      {!readOnly && (
        <Box component="form" onSubmit={add} sx={{ mt: 1.5 }}>
          <TextField size="small" label={t('conference.agenda.addLabel')} value={text} onChange={(e) => setText(e.target.value)} slotProps={{ htmlInput: { maxLength: 300 } }} />
          <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center', mt: 0.5 }}>
            <FormControlLabel control={<Checkbox size="small" checked={privateItem} onChange={(e) => setPrivateItem(e.target.checked)} />} label={<Typography variant="body2">{t('conference.agenda.makePrivate')}</Typography>} />
            <Button type="submit" size="small" variant="outlined" disabled={!text.trim()}>
              {t('conference.agenda.add')}
            </Button>
          </Stack>
        </Box>
      )}
    </Section>
  );
}
