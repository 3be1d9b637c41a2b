import { type FormEvent } from 'react';
import { Box, Button, IconButton, MenuItem, Stack, TextField, Tooltip, Typography } from '@mui/material';
import DeleteOutline from '@mui/icons-material/DeleteOutlined';
import EditOutlined from '@mui/icons-material/EditOutlined';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ATTENDEE_ROLES, type Attendee, type AttendeeRole, type ConferenceRecord } from '../../../../shared/ipc/contract';
import type { useRecordChange } from '../useConference';
import { Section } from './Section';
import { useDraft } from './drafts';

type Run = ReturnType<typeof useRecordChange>['run'];

type Person = { role: AttendeeRole; name: string; detail: string };

function PersonForm({ conferenceId, draftKey, initial, submitLabel, onSubmit, onCancel }: { conferenceId: number; draftKey: string; initial: Person; submitLabel: string; onSubmit: (v: { role: AttendeeRole; name: string; detail: string | null }) => Promise<boolean>; onCancel: () => void }) {
  const { t } = useTranslation();
  const [v, setV] = useDraft<Person>(conferenceId, draftKey, initial);
  const done = () => {
    setV(initial);
    onCancel();
  };
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!v.name.trim()) return;
    if (await onSubmit({ role: v.role, name: v.name, detail: v.detail || null })) done();
  }
  return (
    <Box component="form" onSubmit={submit} sx={{ display: 'grid', gap: 1, mt: 1 }}>
      <TextField select size="small" label={t('conference.start.role')} value={v.role} onChange={(e) => setV({ ...v, role: e.target.value as AttendeeRole })}>
        {ATTENDEE_ROLES.map((r) => (
          <MenuItem key={r} value={r}>
            {t(`conference.roles.${r}`)}
          </MenuItem>
        ))}
      </TextField>
      <TextField size="small" label={t('conference.start.name')} value={v.name} onChange={(e) => setV({ ...v, name: e.target.value })} autoFocus slotProps={{ htmlInput: { maxLength: 120 } }} />
      <TextField size="small" label={t('conference.start.detail')} placeholder={t(`conference.start.detailHelp.${v.role}`)} value={v.detail} onChange={(e) => setV({ ...v, detail: e.target.value })} slotProps={{ htmlInput: { maxLength: 120 } }} />
      <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end' }}>
        <Button size="small" onClick={done}>
          {t('common.actions.cancel')}
        </Button>
        <Button size="small" type="submit" variant="contained" disabled={!v.name.trim()}>
          {submitLabel}
        </Button>
      </Stack>
    </Box>
  );
}

const NEW_PERSON: Person = { role: 'teacher', name: '', detail: '' };

export function attendeeLabel(t: (k: string) => string, a: Pick<Attendee, 'role' | 'detail'>): string {
  return a.role === 'guardian' && a.detail ? `${t('conference.roles.guardian')} · ${a.detail}` : [t(`conference.roles.${a.role}`), a.detail].filter(Boolean).join(' · ');
}

/** Who is attending; shown on the family screen and printed on the summary. */
export function AttendeesPanel({ record, readOnly, run }: { record: ConferenceRecord; readOnly: boolean; run: Run }) {
  const { t } = useTranslation();
  const id = record.conference.id;
  const [adding, setAdding] = useDraft(id, 'attendee-adding', false);
  const [editing, setEditing] = useDraft<number | null>(id, 'attendee-editing', null);
  return (
    <Section
      id="attendees"
      title={t('conference.attendees.title')}
      action={
        !readOnly && !adding ? (
          <Button size="small" onClick={() => setAdding(true)}>
            {t('conference.attendees.add')}
          </Button>
        ) : undefined
      }
    >
      {record.attendees.length === 0 && <Typography color="text.secondary">{t('conference.attendees.none')}</Typography>}
      <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0 }}>
        {record.attendees.map((a) =>
          editing === a.id ? (
            <li key={a.id}>
              <PersonForm
                conferenceId={id}
                draftKey={`attendee:${a.id}`}
                initial={{ role: a.role, name: a.name, detail: a.detail ?? '' }}
                submitLabel={t('conference.attendees.saveEdit')}
                onCancel={() => setEditing(null)}
                onSubmit={async (v) => !!(await run((locale) => api.conferences.updateAttendee({ id: a.id, changes: v, locale })))}
              />
            </li>
          ) : (
            <Box component="li" key={a.id} sx={{ display: 'flex', alignItems: 'center', py: 0.5, gap: 1 }}>
              <Box sx={{ flex: 1, minWidth: 0 }}>
                <Typography sx={{ fontWeight: 600 }}>{a.name}</Typography>
                <Typography variant="body2" color="text.secondary">
                  {attendeeLabel(t, a)}
                </Typography>
              </Box>
              {!readOnly && (
                <>
                  <Tooltip title={t('conference.attendees.edit', { name: a.name })}>
                    <IconButton size="small" aria-label={t('conference.attendees.edit', { name: a.name })} onClick={() => setEditing(a.id)}>
                      <EditOutlined fontSize="small" />
                    </IconButton>
                  </Tooltip>
                  <Tooltip title={t('conference.attendees.remove', { name: a.name })}>
                    <IconButton size="small" aria-label={t('conference.attendees.remove', { name: a.name })} onClick={() => void run((locale) => api.conferences.removeAttendee({ id: a.id, locale }))}>
                      <DeleteOutline fontSize="small" />
                    </IconButton>
                  </Tooltip>
                </>
              )}
            </Box>
          ),
        )}
      </Box>
      {adding && (
        <PersonForm
          conferenceId={id}
          draftKey="attendee:new"
          initial={NEW_PERSON}
          submitLabel={t('conference.attendees.add')}
          onCancel={() => setAdding(false)}
          onSubmit={async (v) => !!(await run((locale) => api.conferences.addAttendee({ conferenceId: id, attendee: v, locale })))}
        />
      )}
    </Section>
  );
}
