import { useId, useState, type FormEvent } from 'react';
import { Dialog, DialogContent, DialogTitle, Grid, MenuItem, Stack, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { Referral } from '../../../shared/ipc/contract';
import type { NoteVisibility } from '../../../shared/ipc/contract/common';
import { DEFAULT_REFERRAL_VISIBILITY, REFERRAL_KINDS, REFERRAL_OUTCOMES, REFERRAL_STATUSES, type ReferralKind, type ReferralOutcome, type ReferralStatus } from '../../../shared/domain/workspace/vocabulary';
import { referralProblems } from '../../../shared/domain/workspace/referrals';
import { VisibilityField } from './Visibility';
import { errorsFrom, todayIso } from './forms';
import { FormError, SaveCancelActions } from './SaveCancelActions';
import { lengthHint, useSave } from './hooks';

/** New or edited referral; the outcome is asked for once it is closed. Private unless chosen otherwise. */
export function ReferralDialog({ studentId, referral, onClose }: { studentId: number; referral?: Referral; onClose: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [kind, setKind] = useState<ReferralKind>(referral?.kind ?? 'section-504');
  const [kindOther, setKindOther] = useState(referral?.kindOther ?? '');
  const [referredOn, setReferredOn] = useState(referral?.referredOn ?? todayIso());
  const [reason, setReason] = useState(referral?.reason ?? '');
  const [status, setStatus] = useState<ReferralStatus>(referral?.status ?? 'considering');
  const [outcome, setOutcome] = useState<ReferralOutcome | ''>(referral?.outcome ?? '');
  const [outcomeNote, setOutcomeNote] = useState(referral?.outcomeNote ?? '');
  const [parentConsultedOn, setParentConsultedOn] = useState(referral?.parentConsultedOn ?? '');
  const [visibility, setVisibility] = useState<NoteVisibility>(referral?.visibility ?? DEFAULT_REFERRAL_VISIBILITY);
  const [local, setLocal] = useState<Record<string, string>>({});
  const save = useSave(
    () => {
      const fields = {
        kind,
        kindOther: kindOther || null,
        referredOn,
        reason,
        status,
        // An outcome belongs only to a closed referral.
        outcome: status === 'closed' && outcome ? outcome : null,
        outcomeNote: status === 'closed' ? outcomeNote || null : referral?.outcomeNote ?? null,
        parentConsultedOn: parentConsultedOn || null,
        visibility,
      };
      return referral ? api.referrals.update({ id: referral.id, version: referral.version, changes: fields }) : api.referrals.create({ studentId, ...fields });
    },
    { invalidate: [['referrals', studentId]], success: t('workspace.referrals.saved'), onDone: onClose },
  );
  const errors = errorsFrom(t, save.error);
  const fieldError = (k: string) => local[k] ?? errors.fields[k];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (!reason.trim()) problems.reason = t('workspace.common.required');
    for (const p of referralProblems({ kind, kindOther: kindOther.trim() || null, status, outcome: status === 'closed' && outcome ? outcome : null })) {
      problems[p.field] = t(p.field === 'outcome' ? 'workspace.referrals.needOutcome' : 'workspace.referrals.needKind');
    }
    setLocal(problems);
    if (Object.keys(problems).length) return;
    save.mutate(undefined);
  };
  return (
    <Dialog open onClose={save.isPending ? undefined : onClose} maxWidth="md" fullWidth scroll="paper" aria-labelledby={`${id}-title`}>
      <form onSubmit={submit} noValidate style={{ display: 'contents' }}>
        <DialogTitle id={`${id}-title`}>{t(referral ? 'workspace.referrals.editTitle' : 'workspace.referrals.newTitle')}</DialogTitle>
        <DialogContent dividers>
          <Grid container spacing={3}>
            <Grid size={{ xs: 12, md: 7 }}>
              <Stack spacing={2}>
                <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
                  <TextField select label={t('workspace.referrals.kindLabel')} value={kind} onChange={(e) => setKind(e.target.value as ReferralKind)} autoFocus>
                    {REFERRAL_KINDS.map((k) => (
                      <MenuItem key={k} value={k}>
                        {t(`workspace.referrals.kind.${k}`)}
                      </MenuItem>
                    ))}
                  </TextField>
                  <TextField type="date" label={t('workspace.referrals.date')} value={referredOn} onChange={(e) => setReferredOn(e.target.value)} slotProps={{ inputLabel: { shrink: true } }} error={!!fieldError('referredOn')} helperText={fieldError('referredOn') ?? ' '} />
                </Stack>
                {kind === 'other' && (
                  <TextField label={t('workspace.referrals.kindOther')} value={kindOther} onChange={(e) => setKindOther(e.target.value)} required error={!!fieldError('kindOther')} helperText={fieldError('kindOther') ?? t('workspace.referrals.kindOtherHelp')} />
                )}
                <TextField label={t('workspace.referrals.reason')} value={reason} onChange={(e) => setReason(e.target.value)} required multiline minRows={3} error={!!fieldError('reason')} helperText={fieldError('reason') ?? lengthHint(reason, 4000) ?? t('workspace.referrals.reasonHelp')} />
                <TextField type="date" label={t('workspace.referrals.parentConsulted')} value={parentConsultedOn} onChange={(e) => setParentConsultedOn(e.target.value)} slotProps={{ inputLabel: { shrink: true } }} error={!!fieldError('parentConsultedOn')} helperText={fieldError('parentConsultedOn') ?? t('workspace.referrals.parentConsultedHelp')} />
                <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
                  <TextField select label={t('workspace.referrals.statusLabel')} value={status} onChange={(e) => setStatus(e.target.value as ReferralStatus)}>
                    {REFERRAL_STATUSES.map((s) => (
                      <MenuItem key={s} value={s}>
                        {t(`workspace.referrals.status.${s}`)}
                      </MenuItem>
                    ))}
                  </TextField>
                  {status === 'closed' && (
                    <TextField select label={t('workspace.referrals.outcomeLabel')} value={outcome} onChange={(e) => setOutcome(e.target.value as ReferralOutcome)} required error={!!fieldError('outcome')} helperText={fieldError('outcome') ?? ' '}>
                      {REFERRAL_OUTCOMES.map((o) => (
                        <MenuItem key={o} value={o}>
                          {t(`workspace.referrals.outcome.${o}`)}
                        </MenuItem>
                      ))}
                    </TextField>
                  )}
                </Stack>
                {status === 'closed' && <TextField label={t('workspace.referrals.outcomeNote')} value={outcomeNote} onChange={(e) => setOutcomeNote(e.target.value)} multiline minRows={2} error={!!fieldError('outcomeNote')} helperText={fieldError('outcomeNote') ?? ' '} />}
              </Stack>
            </Grid>
            <Grid size={{ xs: 12, md: 5 }}>
              <VisibilityField value={visibility} onChange={setVisibility} />
            </Grid>
          </Grid>
          <FormError message={errors.form} />
        </DialogContent>
        <SaveCancelActions onCancel={onClose} busy={save.isPending} />
      </form>
    </Dialog>
  );
}
