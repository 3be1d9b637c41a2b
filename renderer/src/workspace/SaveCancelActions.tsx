import { Alert, Button, DialogActions } from '@mui/material';
import { useTranslation } from 'react-i18next';

/** A record dialog's form error (if any) and its Cancel / Save buttons; Save submits the form. */
export function FormError({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <Alert severity="error" sx={{ mt: 2 }}>
      {message}
    </Alert>
  );
}

export function SaveCancelActions({ onCancel, busy }: { onCancel: () => void; busy: boolean }) {
  const { t } = useTranslation();
  return (
    <DialogActions sx={{ px: 3, py: 2 }}>
      <Button onClick={onCancel} disabled={busy}>
        {t('common.actions.cancel')}
      </Button>
      <Button type="submit" variant="contained" disabled={busy}>
        {t('common.actions.save')}
      </Button>
    </DialogActions>
  );
}
