import { useMemo, useState, type FormEvent } from 'react';
import {
  Alert,
  Autocomplete,
  Box,
  Button,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  Grid,
  IconButton,
  MenuItem,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import CheckCircle from '@mui/icons-material/CheckCircle';
import WarningAmber from '@mui/icons-material/WarningAmber';
import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import AddOutlined from '@mui/icons-material/AddOutlined';
import { useTranslation } from 'react-i18next';
import { localIsoDate } from '../../../../shared/domain/dates';
import { endPoint, PLAN_GRADES, startPoint, TERMS, type PlanGrade, type Term } from '../../../../shared/domain/graduation/vocabulary';
import { AGREED_ROLES, type AgreedRole, type CourseView, type PlanCell, type Waiver } from '../../../../shared/ipc/contract';
import { credits, pick } from '../format';

const HIGH: PlanGrade[] = ['09', '10', '11', '12'];

/** Is each prerequisite group met by a course completed, in progress, or planned to finish before (grade, term)? */
export function prerequisiteStatus(course: CourseView, cells: PlanCell[], grade: PlanGrade, term: Term, titles: (code: string) => string) {
  const start = startPoint(grade, term);
  return course.prerequisites.map((group) => {
    const ok = cells.some((c) => group.includes(c.code) && !(c.status === 'completed' && c.credits <= 0) && endPoint(c.grade, c.term) < start);
    return { group, label: group.map(titles).join(' / '), ok };
  });
}

export function AddCourseDialog({ grade, courses, cells, titles, onAdd, onClose, busy, error }: {
  grade: PlanGrade;
  courses: CourseView[];
  cells: PlanCell[];
  titles: (code: string) => string;
  onAdd: (v: { code: string; grade: PlanGrade; term: Term; status: 'planned' | 'requested' }) => void;
  onClose: () => void;
  busy: boolean;
  error: string | null;
}) {
  const { t, i18n } = useTranslation();
  const [course, setCourse] = useState<CourseView | null>(null);
  const [g, setG] = useState<PlanGrade>(grade);
  const [term, setTerm] = useState<Term>('year');
  const [status, setStatus] = useState<'planned' | 'requested'>('planned');
  const options = useMemo(() => {
    const hs = courses.filter((c) => c.highSchoolCredit);
    const offered = (c: CourseView) => c.gradeLevels.length === 0 || c.gradeLevels.includes(g);
    return [...hs].sort((a, b) => Number(offered(b)) - Number(offered(a)) || a.title.localeCompare(b.title));
  }, [courses, g]);
  const prereqs = course ? prerequisiteStatus(course, cells, g, term, titles) : [];
  const notOffered = course && course.gradeLevels.length > 0 && !course.gradeLevels.includes(g);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (course) onAdd({ code: course.code, grade: g, term, status });
  };
  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth aria-labelledby="add-course-title">
      <form onSubmit={submit}>
        <DialogTitle id="add-course-title">{t('courses.addDialog.title')}</DialogTitle>
        <DialogContent dividers>
          <Stack spacing={2}>
            {error && <Alert severity="error">{error}</Alert>}
            <Autocomplete
              options={options}
              value={course}
              onChange={(_e, v) => {
                setCourse(v);
                if (v && v.credits !== null && v.credits <= 0.5) setTerm((x) => (x === 'year' ? 'fall' : x));
              }}
              getOptionLabel={(c) => `${c.code} — ${c.title}`}
              groupBy={(c) => (c.gradeLevels.length === 0 || c.gradeLevels.includes(g) ? t(`common.grade.${g}`) : t('courses.addDialog.notOffered', { grade: t(`common.grade.${g}`) }))}
              renderOption={(props, c) => {
                const { key, ...rest } = props as typeof props & { key: string };
                return (
                  <li key={key} {...rest}>
                    <Box>
                      <Typography variant="body2" sx={{ fontWeight: 600 }}>
                        {c.title}
                      </Typography>
                      <Typography variant="caption" color="text.secondary">
                        {c.code} · {t('courses.plan.credits', { count: c.credits ?? 0 })} · {t(`courses.subjects.${c.subject}`)}
                        {c.flags.length ? ` · ${c.flags.map((f) => t(`courses.flags.${f}`)).join(', ')}` : ''}
                      </Typography>
                    </Box>
                  </li>
                );
              }}
              renderInput={(p) => <TextField {...p} label={t('courses.addDialog.course')} helperText={t('courses.addDialog.courseHint')} autoFocus required />}
              autoHighlight
            />
            <Grid container spacing={2}>
              <Grid size={4}>
                <TextField select label={t('courses.addDialog.grade')} value={g} onChange={(e) => setG(e.target.value as PlanGrade)}>
                  {PLAN_GRADES.map((x) => (
                    <MenuItem key={x} value={x}>
                      {t(`common.grade.${x}`)}
                    </MenuItem>
                  ))}
                </TextField>
              </Grid>
              <Grid size={4}>
                <TextField select label={t('courses.addDialog.term')} value={term} onChange={(e) => setTerm(e.target.value as Term)}>
                  {TERMS.map((x) => (
                    <MenuItem key={x} value={x}>
                      {t(`courses.terms.${x}`)}
                    </MenuItem>
                  ))}
                </TextField>
              </Grid>
              <Grid size={4}>
                <TextField select label={t('courses.addDialog.status')} value={status} onChange={(e) => setStatus(e.target.value as 'planned' | 'requested')}>
                  <MenuItem value="planned">{t('courses.status.planned')}</MenuItem>
                  <MenuItem value="requested">{t('courses.status.requested')}</MenuItem>
                </TextField>
              </Grid>
            </Grid>
            {course && (
              <Box aria-live="polite">
                {notOffered && (
                  <Alert severity="warning" sx={{ mb: 1 }}>
                    {t('courses.addDialog.notOffered', { grade: t(`common.grade.${g}`) })}
                  </Alert>
                )}
                <Typography variant="body2" sx={{ fontWeight: 600 }}>
                  {t('courses.addDialog.prerequisites')}
                </Typography>
                {prereqs.length === 0 ? (
                  <Typography variant="body2" color="text.secondary">
                    {t('courses.addDialog.noPrerequisites')}
                  </Typography>
                ) : (
                  prereqs.map((p) => (
                    <Stack key={p.label} direction="row" spacing={0.75} sx={{ alignItems: 'center' }}>
                      {p.ok ? <CheckCircle color="success" fontSize="small" aria-hidden /> : <WarningAmber color="warning" fontSize="small" aria-hidden />}
                      <Typography variant="body2">{t(p.ok ? 'courses.addDialog.prereqDone' : 'courses.addDialog.prereqMissing', { course: p.label })}</Typography>
                    </Stack>
                  ))
                )}
                {course.kinds.length > 0 && (
                  <Stack direction="row" spacing={0.5} useFlexGap sx={{ mt: 1, flexWrap: 'wrap', alignItems: 'center' }}>
                    <Typography variant="body2" color="text.secondary">
                      {t('courses.addDialog.countsAs')}:
                    </Typography>
                    {course.kinds.map((k) => (
                      <Chip key={k.id} size="small" variant="outlined" label={pick(k.label, i18n.language)} />
                    ))}
                  </Stack>
                )}
                {course.credits === null && (
                  <Alert severity="warning" sx={{ mt: 1 }}>
                    {t('courses.reasons.credits-unknown', { course: course.title })}
                  </Alert>
                )}
                {course.credits !== null && (
                  <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
                    {credits(course.credits, i18n.language)} · {t(`courses.subjects.${course.subject}`)}
                  </Typography>
                )}
              </Box>
            )}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('common.actions.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={!course || busy}>
            {t('courses.addDialog.add')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

export function MoveDialog({ cell, onMove, onClose }: { cell: PlanCell; onMove: (grade: PlanGrade, term: Term) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const [g, setG] = useState<PlanGrade>(cell.grade);
  const [term, setTerm] = useState<Term>(cell.term);
  return (
    <Dialog open onClose={onClose} maxWidth="xs" fullWidth aria-labelledby="move-title">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onMove(g, term);
        }}
      >
        <DialogTitle id="move-title">{t('courses.moveDialog.title', { course: cell.title })}</DialogTitle>
        <DialogContent dividers>
          <Stack spacing={2}>
            <TextField select label={t('courses.addDialog.grade')} value={g} onChange={(e) => setG(e.target.value as PlanGrade)} autoFocus>
              {PLAN_GRADES.map((x) => (
                <MenuItem key={x} value={x}>
                  {t(`common.grade.${x}`)}
                </MenuItem>
              ))}
            </TextField>
            <TextField select label={t('courses.addDialog.term')} value={term} onChange={(e) => setTerm(e.target.value as Term)}>
              {TERMS.map((x) => (
                <MenuItem key={x} value={x}>
                  {t(`courses.terms.${x}`)}
                </MenuItem>
              ))}
            </TextField>
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('common.actions.cancel')}</Button>
          <Button type="submit" variant="contained">
            {t('courses.moveDialog.move')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

export function WaiverDialog({ cell, course, titles, onSave, onClose, error }: { cell: PlanCell; course: CourseView | undefined; titles: (c: string) => string; onSave: (w: Waiver[]) => void; onClose: () => void; error: string | null }) {
  const { t } = useTranslation();
  const codes = [...new Set((course?.prerequisites ?? []).flat())];
  const [waivers, setWaivers] = useState<Waiver[]>(cell.waivers);
  const [code, setCode] = useState(codes.find((c) => !cell.waivers.some((w) => w.code === c)) ?? '');
  const [reason, setReason] = useState('');
  const [by, setBy] = useState('');
  const [date, setDate] = useState(localIsoDate(new Date()));
  const add = () => {
    if (!code || !reason.trim() || !by.trim() || !date) return;
    setWaivers((w) => [...w.filter((x) => x.code !== code), { code, reason: reason.trim(), by: by.trim(), date }]);
    setReason('');
  };
  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth aria-labelledby="waive-title">
      <DialogTitle id="waive-title">{t('courses.waiveDialog.title', { course: cell.title })}</DialogTitle>
      <DialogContent dividers>
        <Stack spacing={2}>
          <DialogContentText>{t('courses.waiveDialog.body')}</DialogContentText>
          {error && <Alert severity="error">{error}</Alert>}
          {waivers.length > 0 && (
            <Box>
              <Typography variant="body2" sx={{ fontWeight: 600 }}>
                {t('courses.waiveDialog.existing')}
              </Typography>
              {waivers.map((w) => (
                <Stack key={w.code} direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                  <Typography variant="body2" sx={{ flex: 1 }}>
                    {titles(w.code)} — {w.reason} ({w.by}, {w.date})
                  </Typography>
                  <IconButton aria-label={t('courses.waiveDialog.removeWaiver', { code: w.code })} onClick={() => setWaivers((x) => x.filter((y) => y.code !== w.code))}>
                    <DeleteOutlined />
                  </IconButton>
                </Stack>
              ))}
            </Box>
          )}
          {codes.length === 0 ? (
            <Typography color="text.secondary">{t('courses.addDialog.noPrerequisites')}</Typography>
          ) : (
            <Grid container spacing={2}>
              <Grid size={12}>
                <TextField select label={t('courses.waiveDialog.prerequisite')} value={code} onChange={(e) => setCode(e.target.value)}>
                  {codes.map((c) => (
                    <MenuItem key={c} value={c}>
                      {titles(c)} ({c})
                    </MenuItem>
                  ))}
                </TextField>
              </Grid>
              <Grid size={12}>
                <TextField label={t('courses.waiveDialog.reason')} value={reason} onChange={(e) => setReason(e.target.value)} slotProps={{ htmlInput: { maxLength: 300 } }} />
              </Grid>
              <Grid size={7}>
                <TextField label={t('courses.waiveDialog.by')} value={by} onChange={(e) => setBy(e.target.value)} slotProps={{ htmlInput: { maxLength: 120 } }} />
              </Grid>
              <Grid size={5}>
                <TextField type="date" label={t('courses.waiveDialog.date')} value={date} onChange={(e) => setDate(e.target.value)} slotProps={{ inputLabel: { shrink: true } }} />
              </Grid>
              <Grid size={12}>
                <Button startIcon={<AddOutlined />} onClick={add} disabled={!code || !reason.trim() || !by.trim() || !date}>
                  {t('courses.waiveDialog.save')}
                </Button>
              </Grid>
            </Grid>
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common.actions.cancel')}</Button>
        <Button variant="contained" onClick={() => onSave(waivers)} disabled={JSON.stringify(waivers) === JSON.stringify(cell.waivers)}>
          {t('common.actions.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

export interface RecordForm {
  code: string;
  title: string;
  grade: PlanGrade;
  term: Term;
  schoolYear: string;
  status: 'completed' | 'in-progress';
  mark: string;
  credits: string;
  creditSource: 'course' | 'exam';
}

export function RecordDialog({ cell, courses, onSave, onDelete, onClose, error, busy }: {
  cell?: PlanCell;
  courses: CourseView[];
  onSave: (f: RecordForm) => void;
  onDelete?: () => void;
  onClose: () => void;
  error: string | null;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const [f, setF] = useState<RecordForm>({
    code: cell?.code ?? '',
    title: cell && !cell.inCatalog ? cell.title : '',
    grade: cell?.grade ?? '09',
    term: cell?.term ?? 'year',
    schoolYear: cell?.schoolYear ? String(cell.schoolYear) : '',
    status: (cell?.status as RecordForm['status']) ?? 'completed',
    mark: cell?.mark ?? '',
    credits: cell ? String(cell.credits) : '',
    creditSource: cell?.creditSource ?? 'course',
  });
  const [confirmDelete, setConfirmDelete] = useState(false);
  const set = <K extends keyof RecordForm>(k: K, v: RecordForm[K]) => setF((x) => ({ ...x, [k]: v }));
  const known = courses.find((c) => c.code === f.code);
  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth aria-labelledby="record-title">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onSave(f);
        }}
      >
        <DialogTitle id="record-title">{cell ? t('courses.recordDialog.titleEdit') : t('courses.recordDialog.titleAdd')}</DialogTitle>
        <DialogContent dividers>
          <Stack spacing={2}>
            {error && <Alert severity="error">{error}</Alert>}
            <Grid container spacing={2}>
              <Grid size={{ xs: 12, sm: 5 }}>
                <Autocomplete
                  freeSolo
                  options={courses.map((c) => c.code)}
                  value={f.code}
                  onInputChange={(_e, v) => set('code', v)}
                  getOptionLabel={(c) => c}
                  renderOption={(props, c) => {
                    const { key, ...rest } = props as typeof props & { key: string };
                    return (
                      <li key={key} {...rest}>
                        {c} — {courses.find((x) => x.code === c)?.title}
                      </li>
                    );
                  }}
                  renderInput={(p) => <TextField {...p} label={t('courses.recordDialog.code')} required autoFocus />}
                />
              </Grid>
              <Grid size={{ xs: 12, sm: 7 }}>
                <TextField label={t('courses.recordDialog.title')} value={known ? known.title : f.title} disabled={!!known} onChange={(e) => set('title', e.target.value)} slotProps={{ htmlInput: { maxLength: 160 } }} />
              </Grid>
              <Grid size={{ xs: 6, sm: 4 }}>
                <TextField select label={t('courses.recordDialog.grade')} value={f.grade} onChange={(e) => set('grade', e.target.value as PlanGrade)}>
                  {PLAN_GRADES.map((x) => (
                    <MenuItem key={x} value={x}>
                      {t(`common.grade.${x}`)}
                    </MenuItem>
                  ))}
                </TextField>
              </Grid>
              <Grid size={{ xs: 6, sm: 4 }}>
                <TextField select label={t('courses.recordDialog.term')} value={f.term} onChange={(e) => set('term', e.target.value as Term)}>
                  {TERMS.map((x) => (
                    <MenuItem key={x} value={x}>
                      {t(`courses.terms.${x}`)}
                    </MenuItem>
                  ))}
                </TextField>
              </Grid>
              <Grid size={{ xs: 12, sm: 4 }}>
                <TextField label={t('courses.recordDialog.schoolYear')} value={f.schoolYear} onChange={(e) => set('schoolYear', e.target.value)} slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 4 } }} />
              </Grid>
              <Grid size={{ xs: 12, sm: 4 }}>
                <TextField select label={t('courses.recordDialog.status')} value={f.status} onChange={(e) => set('status', e.target.value as RecordForm['status'])}>
                  <MenuItem value="completed">{t('courses.status.completed')}</MenuItem>
                  <MenuItem value="in-progress">{t('courses.status.in-progress')}</MenuItem>
                </TextField>
              </Grid>
              <Grid size={{ xs: 6, sm: 4 }}>
                <TextField label={t('courses.recordDialog.mark')} value={f.mark} onChange={(e) => set('mark', e.target.value)} slotProps={{ htmlInput: { maxLength: 12 } }} />
              </Grid>
              <Grid size={{ xs: 6, sm: 4 }}>
                <TextField label={t('courses.recordDialog.credits')} value={f.credits} onChange={(e) => set('credits', e.target.value)} helperText={t('courses.recordDialog.creditsHint')} slotProps={{ htmlInput: { inputMode: 'decimal' } }} />
              </Grid>
              <Grid size={12}>
                <TextField select label={t('courses.recordDialog.creditSource')} value={f.creditSource} onChange={(e) => set('creditSource', e.target.value as RecordForm['creditSource'])}>
                  <MenuItem value="course">{t('courses.recordDialog.creditSources.course')}</MenuItem>
                  <MenuItem value="exam">{t('courses.recordDialog.creditSources.exam')}</MenuItem>
                </TextField>
              </Grid>
            </Grid>
          </Stack>
        </DialogContent>
        <DialogActions sx={{ justifyContent: 'space-between' }}>
          <span>
            {onDelete && (
              <Button color="error" onClick={() => setConfirmDelete(true)}>
                {t('courses.plan.removeRecord')}
              </Button>
            )}
          </span>
          <span>
            <Button onClick={onClose}>{t('common.actions.cancel')}</Button>
            <Button type="submit" variant="contained" disabled={busy || !f.code.trim()} sx={{ ml: 1 }}>
              {t('common.actions.save')}
            </Button>
          </span>
        </DialogActions>
      </form>
      <Dialog open={confirmDelete} onClose={() => setConfirmDelete(false)} aria-labelledby="record-delete-title">
        <DialogTitle id="record-delete-title">{t('courses.plan.removeRecord')}</DialogTitle>
        <DialogContent>
          <DialogContentText>{t('courses.plan.removeRecordConfirm', { course: cell?.title, when: cell ? t(`common.grade.${cell.grade}`) : '' })}</DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setConfirmDelete(false)} autoFocus>
            {t('common.actions.cancel')}
          </Button>
          <Button color="error" variant="contained" onClick={onDelete}>
            {t('common.actions.delete')}
          </Button>
        </DialogActions>
      </Dialog>
    </Dialog>
  );
}

export function NameDialog({ title, label, hint, initial, onSave, onClose, busy, error }: { title: string; label: string; hint?: string; initial: string; onSave: (name: string) => void; onClose: () => void; busy: boolean; error: string | null }) {
  const { t } = useTranslation();
  const [name, setName] = useState(initial);
  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth aria-labelledby="name-dialog-title">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim()) onSave(name.trim());
        }}
      >
        <DialogTitle id="name-dialog-title">{title}</DialogTitle>
        <DialogContent dividers>
          {error && (
            <Alert severity="error" sx={{ mb: 2 }}>
              {error}
            </Alert>
          )}
          <TextField label={label} value={name} onChange={(e) => setName(e.target.value)} helperText={hint} autoFocus required slotProps={{ htmlInput: { maxLength: 80 } }} />
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('common.actions.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={busy || !name.trim()}>
            {t('common.actions.save')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

export function ChooseDialog({ name, onChoose, onClose, busy, error }: { name: string; onChoose: (v: { agreedBy: { name: string; role: AgreedRole }[]; decidedOn: string; note: string | null }) => void; onClose: () => void; busy: boolean; error: string | null }) {
  const { t } = useTranslation();
  const [people, setPeople] = useState<{ name: string; role: AgreedRole }[]>([
    { name: '', role: 'student' },
    { name: '', role: 'parent' },
  ]);
  const [date, setDate] = useState(localIsoDate(new Date()));
  const [note, setNote] = useState('');
  const filled = people.filter((p) => p.name.trim());
  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth aria-labelledby="choose-title">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (filled.length) onChoose({ agreedBy: filled.map((p) => ({ name: p.name.trim(), role: p.role })), decidedOn: date, note: note.trim() || null });
        }}
      >
        <DialogTitle id="choose-title">{t('courses.choose.title', { name })}</DialogTitle>
        <DialogContent dividers>
          <Stack spacing={2}>
            <DialogContentText>{t('courses.choose.body')}</DialogContentText>
            {error && <Alert severity="error">{error}</Alert>}
            <Typography variant="h4" component="h3">
              {t('courses.choose.who')}
            </Typography>
            {people.map((p, i) => (
              <Stack key={i} direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
                <TextField
                  label={`${t('courses.choose.name')} ${i + 1}`}
                  value={p.name}
                  onChange={(e) => setPeople((x) => x.map((y, j) => (j === i ? { ...y, name: e.target.value } : y)))}
                  autoFocus={i === 0}
                  slotProps={{ htmlInput: { maxLength: 120 } }}
                />
                <TextField select label={`${t('courses.choose.role')} ${i + 1}`} value={p.role} onChange={(e) => setPeople((x) => x.map((y, j) => (j === i ? { ...y, role: e.target.value as AgreedRole } : y)))} sx={{ width: 200, flexShrink: 0 }}>
                  {AGREED_ROLES.map((r) => (
                    <MenuItem key={r} value={r}>
                      {t(`courses.choose.roles.${r}`)}
                    </MenuItem>
                  ))}
                </TextField>
                <IconButton aria-label={t('courses.choose.removePerson', { name: p.name || i + 1 })} onClick={() => setPeople((x) => x.filter((_, j) => j !== i))} disabled={people.length === 1} sx={{ mt: 1 }}>
                  <DeleteOutlined />
                </IconButton>
              </Stack>
            ))}
            <Box>
              <Button startIcon={<AddOutlined />} onClick={() => setPeople((x) => [...x, { name: '', role: 'guardian' }])} disabled={people.length >= 10}>
                {t('courses.choose.addPerson')}
              </Button>
            </Box>
            <TextField type="date" label={t('courses.choose.date')} value={date} onChange={(e) => setDate(e.target.value)} slotProps={{ inputLabel: { shrink: true } }} required />
            <TextField label={t('courses.choose.note')} value={note} onChange={(e) => setNote(e.target.value)} multiline minRows={2} slotProps={{ htmlInput: { maxLength: 1000 } }} />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('common.actions.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={busy || filled.length === 0 || !date}>
            {t('courses.choose.confirm')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

export { HIGH };
