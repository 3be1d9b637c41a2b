import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import { Alert, Box, Button, Checkbox, FormControlLabel, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { Note } from '../../../shared/ipc/contract';
import type { NoteVisibility } from '../../../shared/ipc/contract/common';
import { DEFAULT_NOTE_VISIBILITY, NOTE_KINDS, type NoteKind } from '../../../shared/domain/workspace/vocabulary';
import { VisibilityField } from './Visibility';
import { errorsFrom } from './forms';
import { lengthHint } from './hooks';

export interface NoteDraft {
  body: string;
  visibility: NoteVisibility;
  kind: NoteKind;
  pinned: boolean;
}

/** Writing or editing a note: multi-line, private unless chosen otherwise, Ctrl+Enter saves. */
export function NoteComposer({ note, onSubmit, onCancel, busy, error, submitLabel, autoFocus, bodyLabel }: {
  note?: Note;
  onSubmit: (d: NoteDraft) => void;
  onCancel?: () => void;
  busy: boolean;
  error: unknown;
  submitLabel: string;
  autoFocus?: boolean;
  bodyLabel: string;
}) {
  const { t } = useTranslation();
  const [d, setD] = useState<NoteDraft>({ body: note?.body ?? '', visibility: note?.visibility ?? DEFAULT_NOTE_VISIBILITY, kind: note?.kind ?? 'general', pinned: note?.pinned ?? false });
  const [missing, setMissing] = useState(false);
  const pinHelpId = useId();
  const errors = errorsFrom(t, error);
  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (!d.body.trim()) {
      setMissing(true);
      return;
    }
    onSubmit(d);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      submit();
    }
  };
  return (
    <Box component="form" onSubmit={submit} noValidate>
      <Stack spacing={2}>
        <TextField
          label={bodyLabel}
          value={d.body}
          onChange={(e) => {
            setMissing(false);
            setD({ ...d, body: e.target.value });
          }}
          onKeyDown={onKeyDown}
          multiline
          minRows={3}
          maxRows={16}
          autoFocus={autoFocus}
          error={missing || !!errors.fields.body}
          helperText={(missing ? t('workspace.common.required') : errors.fields.body) ?? lengthHint(d.body, 20_000) ?? t('workspace.notes.bodyHelp')}
        />
        <VisibilityField value={d.visibility} onChange={(visibility) => setD({ ...d, visibility })} compact />
        <TextField select size="small" label={t('workspace.notes.kindLabel')} value={d.kind} onChange={(e) => setD({ ...d, kind: e.target.value as NoteKind })}>
          {NOTE_KINDS.map((k) => (
            <MenuItem key={k} value={k}>
              {t(`workspace.notes.kind.${k}`)}
            </MenuItem>
          ))}
        </TextField>
        <Box>
          <FormControlLabel control={<Checkbox checked={d.pinned} onChange={(e) => setD({ ...d, pinned: e.target.checked })} slotProps={{ input: { 'aria-describedby': pinHelpId } }} />} label={t('workspace.notes.pin')} />
          <Typography variant="caption" color="text.secondary" id={pinHelpId} sx={{ display: 'block', pl: 4, mt: -0.5 }}>
            {t('workspace.notes.pinHelp')}
          </Typography>
        </Box>
        {errors.form && <Alert severity="error">{errors.form}</Alert>}
        <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end' }}>
          {onCancel && (
            <Button onClick={onCancel} disabled={busy}>
              {t('common.actions.cancel')}
            </Button>
          )}
          <Button type="submit" variant="contained" disabled={busy}>
            {submitLabel}
          </Button>
        </Stack>
      </Stack>
    </Box>
  );
}
