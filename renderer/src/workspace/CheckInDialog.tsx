import { useId, useState, type FormEvent } from 'react';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, FormControl, FormControlLabel, FormLabel, Radio, RadioGroup, Stack, TextField, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { GoalCheckIn } from '../../../shared/ipc/contract';
import { PROGRESS_RATINGS } from '../../../shared/domain/workspace/progress';
import { errorsFrom, todayIso } from './forms';
import { lengthHint, planKey, useSave } from './hooks';

/** Add or edit one progress check-in: date (not in the future), a 1–5 rating, the evidence. */
export function CheckInDialog({ studentId, goalId, goalStatement, checkIn, onClose }: { studentId: number; goalId: number; goalStatement: string; checkIn?: GoalCheckIn; onClose: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [checkedOn, setCheckedOn] = useState(checkIn?.checkedOn ?? todayIso());
  const [rating, setRating] = useState<number | null>(checkIn?.rating ?? null);
  const [evidence, setEvidence] = useState(checkIn?.evidence ?? '');
  const [ratingMissing, setRatingMissing] = useState(false);
  const save = useSave(
    () =>
      checkIn
        ? api.goalCheckIns.update({ id: checkIn.id, version: checkIn.version, changes: { checkedOn, rating: rating!, evidence: evidence || null } })
        : api.goalCheckIns.create({ goalId, checkedOn, rating: rating!, evidence: evidence || null }),
    { invalidate: [planKey(studentId)], success: t('workspace.checkIns.saved'), onDone: onClose },
  );
  const errors = errorsFrom(t, save.error);

  function submit(e: FormEvent) {
    e.preventDefault();
    if (rating === null) {
      setRatingMissing(true);
      return;
    }
    save.mutate(undefined);
  }

  return (
    <Dialog open onClose={save.isPending ? undefined : onClose} maxWidth="sm" fullWidth aria-labelledby={`${id}-title`}>
      <form onSubmit={submit} noValidate>
        <DialogTitle id={`${id}-title`}>
          {t(checkIn ? 'workspace.checkIns.editTitle' : 'workspace.checkIns.newTitle')}
          <Typography variant="body2" color="text.secondary" component="span" sx={{ display: 'block' }}>
            {goalStatement}
          </Typography>
        </DialogTitle>
        <DialogContent dividers>
          <Stack spacing={2.5}>
            <TextField
              type="date"
              label={t('workspace.checkIns.date')}
              value={checkedOn}
              onChange={(e) => setCheckedOn(e.target.value)}
              slotProps={{ inputLabel: { shrink: true }, htmlInput: { max: todayIso() } }}
              error={!!errors.fields.checkedOn}
              helperText={errors.fields.checkedOn ?? ' '}
              sx={{ maxWidth: 240 }}
              autoFocus
            />
            <FormControl error={ratingMissing} component="fieldset">
              <FormLabel component="legend" id={`${id}-rating`} sx={{ fontWeight: 600, mb: 0.5 }}>
                {t('workspace.checkIns.rating')}
              </FormLabel>
              <RadioGroup
                aria-labelledby={`${id}-rating`}
                value={rating === null ? '' : String(rating)}
                onChange={(e) => {
                  setRating(Number(e.target.value));
                  setRatingMissing(false);
                }}
              >
                {PROGRESS_RATINGS.map((r) => (
                  <FormControlLabel key={r} value={String(r)} control={<Radio size="small" />} label={t(`workspace.rating.${r}`)} />
                ))}
              </RadioGroup>
              {ratingMissing && <Alert severity="warning">{t('workspace.common.required')}</Alert>}
            </FormControl>
            <TextField
              label={t('workspace.checkIns.evidence')}
              value={evidence}
              onChange={(e) => setEvidence(e.target.value)}
              multiline
              minRows={3}
              error={!!errors.fields.evidence}
              helperText={errors.fields.evidence ?? lengthHint(evidence, 2000) ?? t('workspace.checkIns.evidenceHelp')}
            />
            {errors.form && <Alert severity="error">{errors.form}</Alert>}
          </Stack>
        </DialogContent>
        <DialogActions sx={{ px: 3, py: 2 }}>
          <Button onClick={onClose} disabled={save.isPending}>
            {t('common.actions.cancel')}
          </Button>
          <Button type="submit" variant="contained" disabled={save.isPending}>
            {t('common.actions.save')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
