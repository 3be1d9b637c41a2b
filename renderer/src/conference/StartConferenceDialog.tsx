import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import {
  Alert,
  Box,
  Button,
  Checkbox,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  FormLabel,
  IconButton,
  MenuItem,
  Radio,
  RadioGroup,
  Skeleton,
  Stack,
  TextField,
  ToggleButton,
  ToggleButtonGroup,
  Tooltip,
  Typography,
} from '@mui/material';
import DeleteOutline from '@mui/icons-material/DeleteOutlined';
import PersonAddAlt1Outlined from '@mui/icons-material/PersonAddAlt1Outlined';
import LockOutlined from '@mui/icons-material/LockOutlined';
import BlockOutlined from '@mui/icons-material/BlockOutlined';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { ATTENDEE_ROLES, CONFERENCE_PURPOSES, type AttendeeRole, type ConferencePurpose, type StartOptions, type StudentDetail } from '../../../shared/ipc/contract';
import { LOCALES, type Locale } from '../../../shared/i18n/locales';
import { localIsoDate } from '../../../shared/domain/dates';
import { useNotify } from '../components/Notifier';
import { conferenceErrorText } from './errors';
import { useUiLocale } from './useConference';

interface Row {
  key: number;
  role: AttendeeRole;
  name: string;
  detail: string;
  guardianId: number | null;
}

let nextKey = 1;
const row = (role: AttendeeRole, name = '', detail = '', guardianId: number | null = null): Row => ({ key: nextKey++, role, name, detail, guardianId });

/**
 * Start (or schedule) a conference: purpose, who attends (guardians from the record when the
 * record has them), the family's language, and a preview of the agenda the purpose brings.
 */
export function StartConferenceDialog({ student, open, onClose }: { student: StudentDetail; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const locale = useUiLocale();
  const options = useQuery({ queryKey: ['conferences', 'startOptions', student.id, locale], queryFn: () => api.conferences.startOptions({ studentId: student.id, locale }), enabled: open });
  return (
    <Dialog open={open} onClose={onClose} maxWidth="lg" fullWidth aria-labelledby="start-conference-title">
      {options.data ? (
        <StartForm student={student} options={options.data} onClose={onClose} />
      ) : (
        <>
          <DialogTitle id="start-conference-title">{t('conference.start.title')}</DialogTitle>
          <DialogContent dividers>{options.isError ? <Alert severity="error">{conferenceErrorText(t, options.error)}</Alert> : <Skeleton variant="rounded" height={320} />}</DialogContent>
          <DialogActions sx={{ px: 3, py: 2 }}>
            <Button onClick={onClose}>{t('common.actions.cancel')}</Button>
          </DialogActions>
        </>
      )}
    </Dialog>
  );
}

/** Seeded once from the options: the student, the counselor as last typed, the family's language on record. */
function initialRows(o: StartOptions): Row[] {
  const seed = [row('student', `${o.student.preferredName || o.student.firstName} ${o.student.lastName}`)];
  if (o.guardians.status === 'unavailable' || o.guardians.data.length === 0) seed.push(row('guardian'));
  seed.push(row('counselor', o.lastCounselorName ?? ''));
  return seed;
}

function StartForm({ student, options: o, onClose }: { student: StudentDetail; options: StartOptions; onClose: () => void }) {
  const { t } = useTranslation();
  const locale = useUiLocale();
  const navigate = useNavigate();
  const notify = useNotify();
  const qc = useQueryClient();
  const recordLanguage = o.familyLanguage.status === 'available' ? o.familyLanguage.data : null;
  const [purpose, setPurpose] = useState<ConferencePurpose>('pgp_review');
  const [title, setTitle] = useState('');
  const [language, setLanguage] = useState<Locale>(recordLanguage === 'en' || recordLanguage === 'es' ? recordLanguage : locale);
  const [rows, setRows] = useState<Row[]>(() => initialRows(o));
  const [when, setWhen] = useState<'now' | 'later'>('now');
  const [scheduledFor, setScheduledFor] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);


  const agenda = o.agendas.find((a) => a.purpose === purpose);
  const guardians = o.guardians.status === 'available' ? o.guardians.data : [];
  const otherLanguage = recordLanguage && recordLanguage !== 'en' && recordLanguage !== 'es' ? recordLanguage : null;

  const update = (key: number, patch: Partial<Row>) => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const toggleGuardian = (g: (typeof guardians)[number], on: boolean) =>
    setRows((rs) => (on ? [...rs.filter((r) => r.role !== 'counselor'), row('guardian', g.name, g.relationship ?? '', g.id), ...rs.filter((r) => r.role === 'counselor')] : rs.filter((r) => r.guardianId !== g.id)));

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const people = rows.filter((r) => r.name.trim() || r.detail.trim());
    if (people.some((r) => !r.name.trim())) return setProblem(t('conference.start.needName'));
    if (people.length === 0) return setProblem(t('conference.start.needAttendee'));
    if (purpose === 'other' && !title.trim()) return setProblem(t('conference.start.needTitle'));
    if (when === 'later' && !scheduledFor) return setProblem(t('conference.start.needTime'));
    setProblem(null);
    setBusy(true);
    try {
      const record = await api.conferences.start({
        studentId: student.id,
        purpose,
        title: title || null,
        familyLanguage: language,
        attendees: people.map((r) => ({ role: r.role, name: r.name, detail: r.detail || null, guardianId: r.guardianId })),
        scheduledFor: when === 'later' ? scheduledFor : null,
        locale,
      });
      void qc.invalidateQueries({ queryKey: ['conferences', 'history', student.id] });
      onClose();
      navigate(`/conferences/${record.conference.id}`);
    } catch (err) {
      setProblem(conferenceErrorText(t, err));
      notify(conferenceErrorText(t, err), 'error');
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <form onSubmit={submit} noValidate>
        <DialogTitle id="start-conference-title">{t(when === 'later' ? 'conference.start.scheduleTitle' : 'conference.start.title')}</DialogTitle>
        <DialogContent dividers>
          {o.inProgressId && (
            <Alert
              severity="info"
              sx={{ mb: 2 }}
              action={
                <Button color="inherit" size="small" onClick={() => navigate(`/conferences/${o.inProgressId}`)}>
                  {t('conference.start.resume')}
                </Button>
              }
            >
              {t('conference.errors.already-in-progress')}
            </Alert>
          )}
          <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1.35fr 0.85fr' }, gap: 3 }}>
            <Stack spacing={2.5}>
              <TextField select label={t('conference.start.purpose')} value={purpose} onChange={(e) => setPurpose(e.target.value as ConferencePurpose)} autoFocus>
                {CONFERENCE_PURPOSES.map((p) => (
                  <MenuItem key={p} value={p}>
                    {t(`conference.purposes.${p}`)}
                  </MenuItem>
                ))}
              </TextField>
              <TextField
                label={t('conference.start.conferenceTitle')}
                value={title}
                onChange={(e) => setTitle(e.target.value)}
                required={purpose === 'other'}
                helperText={t(purpose === 'other' ? 'conference.start.titleHelpOther' : 'conference.start.titleHelp')}
                slotProps={{ htmlInput: { maxLength: 120 } }}
              />
              <Box>
                <FormLabel id="family-language-label" sx={{ display: 'block', mb: 0.75 }}>
                  {t('conference.start.familyLanguage')}
                </FormLabel>
                <ToggleButtonGroup exclusive size="small" value={language} onChange={(_e, v: Locale | null) => v && setLanguage(v)} aria-labelledby="family-language-label">
                  {LOCALES.map((l) => (
                    <ToggleButton key={l} value={l} lang={l} sx={{ px: 2 }}>
                      {t(`common.languageNames.${l}`)}
                    </ToggleButton>
                  ))}
                </ToggleButtonGroup>
                <Typography variant="body2" color="text.secondary" sx={{ mt: 0.75 }}>
                  {t('conference.start.familyLanguageHelp')}
                </Typography>
                {otherLanguage && (
                  <Alert severity="info" sx={{ mt: 1 }}>
                    {t('conference.start.recordLanguage', { language: new Intl.DisplayNames([locale], { type: 'language' }).of(otherLanguage) ?? otherLanguage })}
                  </Alert>
                )}
              </Box>

              <Box component="fieldset" sx={{ border: 0, p: 0, m: 0 }}>
                <Typography component="legend" variant="h4" sx={{ mb: 0.5 }}>
                  {t('conference.start.attendees')}
                </Typography>
                <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
                  {t('conference.start.attendeesHelp')}
                </Typography>
                {o.guardians.status === 'available' && guardians.length > 0 && (
                  <Box sx={{ mb: 1.5 }}>
                    <Typography variant="body2" sx={{ fontWeight: 600 }}>
                      {t('conference.start.fromRecord')}
                    </Typography>
                    {guardians.map((g) => {
                      // Someone who may not receive information is never offered with a checkbox to tick.
                      const barred = g.mayReceiveInformation === false;
                      const noteId = `guardian-note-${g.id}`;
                      return (
                        <Box key={g.id}>
                          <FormControlLabel
                            disabled={barred}
                            control={<Checkbox checked={!barred && rows.some((r) => r.guardianId === g.id)} onChange={(e) => toggleGuardian(g, e.target.checked)} slotProps={{ input: { 'aria-describedby': g.mayReceiveInformation === true ? undefined : noteId } }} />}
                            label={`${g.name}${g.relationship ? ` (${g.relationship})` : ''}`}
                          />
                          {barred && (
                            <Stack id={noteId} direction="row" spacing={0.75} sx={{ ml: 4, mt: -0.5, alignItems: 'center', color: 'error.main' }}>
                              <BlockOutlined fontSize="small" aria-hidden />
                              <Typography variant="body2">{t('conference.start.mayNotReceive')}</Typography>
                            </Stack>
                          )}
                          {g.mayReceiveInformation === null && (
                            <Typography id={noteId} variant="body2" color="text.secondary" sx={{ ml: 4, mt: -0.5 }}>
                              {t('conference.start.mayReceiveUnknown')}
                            </Typography>
                          )}
                        </Box>
                      );
                    })}
                  </Box>
                )}
                {(o.guardians.status === 'unavailable' || guardians.length === 0) && (
                  <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
                    {t(o.guardians.status === 'unavailable' ? 'conference.start.noGuardiansSource' : 'conference.start.noGuardiansRecorded')}
                  </Typography>
                )}
                <Stack spacing={1.25}>
                  {rows.map((r, i) => (
                    <Stack key={r.key} direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
                      <Box sx={{ display: 'grid', flexShrink: 0, minWidth: 150 }}>
                        <TextField select size="small" label={t('conference.start.role')} value={r.role} onChange={(e) => update(r.key, { role: e.target.value as AttendeeRole })} sx={{ gridArea: '1 / 1' }} id={`att-role-${r.key}`}>
                          {ATTENDEE_ROLES.map((role) => (
                            <MenuItem key={role} value={role}>
                              {t(`conference.roles.${role}`)}
                            </MenuItem>
                          ))}
                        </TextField>
                        {/* Sizes the field to the longest role in this language (a select shows only the chosen one), so none is cut off. */}
                        <Box aria-hidden sx={{ gridArea: '1 / 1', visibility: 'hidden', height: 0, overflow: 'hidden', typography: 'body1', whiteSpace: 'nowrap', pl: '15px', pr: '40px' }}>
                          {ATTENDEE_ROLES.map((role) => (
                            <div key={role}>{t(`conference.roles.${role}`)}</div>
                          ))}
                        </Box>
                      </Box>
                      <TextField size="small" label={t('conference.start.name')} value={r.name} onChange={(e) => update(r.key, { name: e.target.value })} sx={{ flex: 1.6 }} slotProps={{ htmlInput: { maxLength: 120, 'data-testid': `attendee-name-${i}` } }} />
                      <TextField
                        size="small"
                        label={t('conference.start.detail')}
                        placeholder={t(`conference.start.detailHelp.${r.role}`)}
                        value={r.detail}
                        onChange={(e) => update(r.key, { detail: e.target.value })}
                        sx={{ flex: 1 }}
                        slotProps={{ htmlInput: { maxLength: 120 } }}
                      />
                      <Tooltip title={t('conference.start.remove', { name: r.name || t(`conference.roles.${r.role}`) })}>
                        <IconButton aria-label={t('conference.start.remove', { name: r.name || t(`conference.roles.${r.role}`) })} onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}>
                          <DeleteOutline />
                        </IconButton>
                      </Tooltip>
                    </Stack>
                  ))}
                </Stack>
                <Stack direction="row" spacing={1} useFlexGap sx={{ mt: 1.5, flexWrap: 'wrap' }}>
                  {(['guardian', 'teacher', 'interpreter', 'other'] as const).map((role) => (
                    <Button key={role} size="small" variant="outlined" startIcon={<PersonAddAlt1Outlined />} onClick={() => setRows((rs) => [...rs, row(role, '', role === 'interpreter' && language === 'es' ? t('conference.languageNames.es') : '')])}>
                      {t(`conference.roles.${role}`)}
                    </Button>
                  ))}
                </Stack>
              </Box>

              <Box>
                <FormLabel id="when-label">{t('conference.start.when')}</FormLabel>
                <RadioGroup row aria-labelledby="when-label" value={when} onChange={(e) => setWhen(e.target.value as 'now' | 'later')}>
                  <FormControlLabel value="now" control={<Radio />} label={t('conference.start.now')} />
                  <FormControlLabel value="later" control={<Radio />} label={t('conference.start.later')} />
                </RadioGroup>
                {when === 'later' && (
                  <TextField
                    type="datetime-local"
                    label={t('conference.start.scheduledFor')}
                    value={scheduledFor}
                    onChange={(e) => setScheduledFor(e.target.value)}
                    sx={{ maxWidth: 280, mt: 1 }}
                    slotProps={{ inputLabel: { shrink: true }, htmlInput: { min: `${localIsoDate(new Date())}T00:00` } }}
                  />
                )}
              </Box>
            </Stack>

            <Box component="section" aria-labelledby="agenda-preview-title" sx={{ bgcolor: 'background.default', borderRadius: 2, p: 2, alignSelf: 'start' }}>
              <Typography id="agenda-preview-title" variant="h4" gutterBottom>
                {t('conference.start.agendaPreview')}
              </Typography>
              {agenda && (
                <>
                  <Typography variant="body2" sx={{ fontWeight: 600, mb: 1 }}>
                    {agenda.title}
                  </Typography>
                  <Box component="ol" sx={{ m: 0, pl: 2.5 }}>
                    {agenda.items.map((item, i) => (
                      <Typography component="li" variant="body2" key={i} sx={{ mb: 0.75, color: item.visibility === 'private' ? 'text.secondary' : 'text.primary' }}>
                        {item.text}
                        {item.visibility === 'private' && (
                          <Chip size="small" icon={<LockOutlined />} label={t('conference.agenda.private')} sx={{ ml: 0.5, height: 20 }} title={t('conference.start.agendaPrivate')} />
                        )}
                      </Typography>
                    ))}
                  </Box>
                </>
              )}
            </Box>
          </Box>
          {problem && (
            <Alert severity="error" sx={{ mt: 2 }} role="alert">
              {problem}
            </Alert>
          )}
        </DialogContent>
        <DialogActions sx={{ px: 3, py: 2 }}>
          <Button onClick={onClose}>{t('common.actions.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={busy}>
            {t(when === 'later' ? 'conference.start.submitLater' : 'conference.start.submitNow')}
          </Button>
        </DialogActions>
      </form>
    </>
  );
}
