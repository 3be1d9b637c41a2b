import { useState, type FormEvent } from 'react';
import { Box, Button, Checkbox, Dialog, DialogActions, DialogContent, DialogTitle, FormControlLabel, FormGroup, FormLabel, IconButton, MenuItem, Stack, TextField, Tooltip, Typography } from '@mui/material';
import DeleteOutline from '@mui/icons-material/DeleteOutlined';
import EditOutlined from '@mui/icons-material/EditOutlined';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { DECISION_KINDS, ENDORSEMENTS, type ConferenceRecord, type ConferenceDecision, type DecisionKind, type Endorsement, type PlanScenarioOption, type SourceResult } from '../../../../shared/ipc/contract';
import type { useRecordChange } from '../useConference';
import { Section } from './Section';
import { useDraft } from './drafts';

type Run = ReturnType<typeof useRecordChange>['run'];

interface Draft {
  kind: DecisionKind;
  what: string;
  detail: string;
  endorsement: Endorsement | '';
  scenarioId: number | '';
  agreedBy: number[];
}

function DecisionDialog({ record, scenarios, draftKey, initial, onClose, onSave }: { record: ConferenceRecord; scenarios: SourceResult<PlanScenarioOption[]>; draftKey: string; initial: Draft; onClose: () => void; onSave: (d: Draft) => Promise<boolean> }) {
  const { t } = useTranslation();
  const [d, setD] = useDraft<Draft>(record.conference.id, draftKey, initial);
  const [busy, setBusy] = useState(false);
  const options = scenarios.status === 'available' ? scenarios.data : [];
  // Saved or cancelled: the draft is done with.
  const close = () => {
    setD(initial);
    onClose();
  };
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!d.what.trim() || busy) return;
    setBusy(true);
    const ok = await onSave(d);
    setBusy(false);
    if (ok) close();
  }
  return (
    <Dialog open onClose={close} maxWidth="sm" fullWidth aria-labelledby="decision-title">
      <form onSubmit={submit} noValidate>
        <DialogTitle id="decision-title">{t(initial.what ? 'conference.decisions.edit' : 'conference.decisions.add')}</DialogTitle>
        <DialogContent dividers>
          <Stack spacing={2}>
            <TextField select label={t('conference.decisions.kind')} value={d.kind} onChange={(e) => setD({ ...d, kind: e.target.value as DecisionKind })} autoFocus>
              {DECISION_KINDS.map((k) => (
                <MenuItem key={k} value={k}>
                  {t(`conference.decisionKinds.${k}`)}
                </MenuItem>
              ))}
            </TextField>
            {d.kind === 'endorsement' && (
              <TextField
                select
                label={t('conference.decisions.endorsement')}
                value={d.endorsement}
                onChange={(e) => {
                  const endorsement = e.target.value as Endorsement;
                  setD({ ...d, endorsement, what: d.what || t(`conference.endorsements.${endorsement}`) });
                }}
              >
                {ENDORSEMENTS.map((k) => (
                  <MenuItem key={k} value={k}>
                    {t(`conference.endorsements.${k}`)}
                  </MenuItem>
                ))}
              </TextField>
            )}
            {d.kind === 'scenario' &&
              (options.length ? (
                <TextField select label={t('conference.decisions.scenario')} value={d.scenarioId} onChange={(e) => setD({ ...d, scenarioId: Number(e.target.value) })}>
                  {options.map((s) => (
                    <MenuItem key={s.id} value={s.id}>
                      {s.name}
                    </MenuItem>
                  ))}
                </TextField>
              ) : (
                <Typography variant="body2" color="text.secondary">
                  {t('conference.decisions.noScenarios')}
                </Typography>
              ))}
            <TextField label={t('conference.decisions.what')} value={d.what} onChange={(e) => setD({ ...d, what: e.target.value })} required slotProps={{ htmlInput: { maxLength: 500 } }} />
            <TextField label={t('conference.decisions.detail')} value={d.detail} onChange={(e) => setD({ ...d, detail: e.target.value })} multiline minRows={2} slotProps={{ htmlInput: { maxLength: 2000 } }} />
            <Box component="fieldset" sx={{ border: 0, p: 0, m: 0 }}>
              <FormLabel component="legend">{t('conference.decisions.agreedBy')}</FormLabel>
              <FormGroup>
                {record.attendees.map((a) => (
                  <FormControlLabel
                    key={a.id}
                    control={<Checkbox checked={d.agreedBy.includes(a.id)} onChange={(e) => setD({ ...d, agreedBy: e.target.checked ? [...d.agreedBy, a.id] : d.agreedBy.filter((x) => x !== a.id) })} />}
                    label={`${a.name} (${t(`conference.roles.${a.role}`)})`}
                  />
                ))}
              </FormGroup>
            </Box>
          </Stack>
        </DialogContent>
        <DialogActions sx={{ px: 3, py: 2 }}>
          <Button onClick={close}>{t('common.actions.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={!d.what.trim() || busy}>
            {t('conference.decisions.save')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

const EMPTY: Draft = { kind: 'other', what: '', detail: '', endorsement: '', scenarioId: '', agreedBy: [] };

function fromDecision(d: ConferenceDecision): Draft {
  return { kind: d.kind, what: d.what, detail: d.detail ?? '', endorsement: d.endorsement ?? '', scenarioId: d.scenarioId ?? '', agreedBy: d.agreedBy };
}

function toInput(d: Draft) {
  return {
    kind: d.kind,
    what: d.what,
    detail: d.detail || null,
    endorsement: d.kind === 'endorsement' && d.endorsement ? d.endorsement : null,
    scenarioId: d.kind === 'scenario' && d.scenarioId !== '' ? d.scenarioId : null,
    agreedBy: d.agreedBy,
  };
}

/** Decisions with who agreed: part of the shared record (family screen and summary). */
export function DecisionsPanel({ record, scenarios, readOnly, run }: { record: ConferenceRecord; scenarios: SourceResult<PlanScenarioOption[]>; readOnly: boolean; run: Run }) {
  const { t } = useTranslation();
  // Which decision's dialog is open (by id, so it reopens after presenter mode).
  const [open, setOpen] = useDraft<number | 'new' | null>(record.conference.id, 'decision-open', null);
  const editing: ConferenceDecision | 'new' | null = open === 'new' ? 'new' : (record.decisions.find((d) => d.id === open) ?? null);
  const setEditing = (d: ConferenceDecision | 'new' | null) => setOpen(d === null || d === 'new' ? d : d.id);
  const names = new Map(record.attendees.map((a) => [a.id, a.name]));
  return (
    <Section
      id="decisions"
      title={t('conference.decisions.title')}
      help={t('conference.decisions.help')}
      action={
        !readOnly ? (
          <Button size="small" variant="outlined" onClick={() => setEditing('new')}>
            {t('conference.decisions.add')}
          </Button>
        ) : undefined
      }
    >
      {record.decisions.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {t('conference.decisions.empty')}
        </Typography>
      ) : (
        <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0 }}>
          {record.decisions.map((d) => (
            <Box component="li" key={d.id} sx={{ borderLeft: 3, borderColor: 'primary.main', pl: 1.5, py: 0.5, mb: 1.25, display: 'flex', gap: 1 }}>
              <Box sx={{ flex: 1, minWidth: 0 }}>
                <Typography variant="overline" color="text.secondary" sx={{ lineHeight: 1.6 }}>
                  {t(`conference.decisionKinds.${d.kind}`)}
                  {d.endorsement ? ` · ${t(`conference.endorsements.${d.endorsement}`)}` : ''}
                </Typography>
                <Typography sx={{ fontWeight: 600 }}>{d.what}</Typography>
                {d.detail && (
                  <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
                    {d.detail}
                  </Typography>
                )}
                <Typography variant="body2" color="text.secondary">
                  {d.agreedBy.length ? t('conference.decisions.agreedByList', { names: d.agreedBy.map((id) => names.get(id)).filter(Boolean).join(', ') }) : t('conference.decisions.agreedByNobody')}
                </Typography>
              </Box>
              {!readOnly && (
                <Stack>
                  <Tooltip title={t('conference.decisions.edit')}>
                    <IconButton size="small" aria-label={`${t('conference.decisions.edit')}: ${d.what}`} onClick={() => setEditing(d)}>
                      <EditOutlined fontSize="small" />
                    </IconButton>
                  </Tooltip>
                  <Tooltip title={t('conference.decisions.remove')}>
                    <IconButton size="small" aria-label={`${t('conference.decisions.remove')}: ${d.what}`} onClick={() => void run((locale) => api.conferences.removeDecision({ id: d.id, version: d.version, locale }))}>
                      <DeleteOutline fontSize="small" />
                    </IconButton>
                  </Tooltip>
                </Stack>
              )}
            </Box>
          ))}
        </Box>
      )}
      {editing && (
        <DecisionDialog
          record={record}
          scenarios={scenarios}
          draftKey={editing === 'new' ? 'decision:new' : `decision:${editing.id}:${editing.version}`}
          initial={editing === 'new' ? EMPTY : fromDecision(editing)}
          onClose={() => setEditing(null)}
          onSave={async (draft) =>
            !!(await run((locale) =>
              editing === 'new'
                ? api.conferences.addDecision({ conferenceId: record.conference.id, decision: toInput(draft), locale })
                : api.conferences.updateDecision({ id: editing.id, version: editing.version, changes: toInput(draft), locale }),
            ))
          }
        />
      )}
    </Section>
  );
}
