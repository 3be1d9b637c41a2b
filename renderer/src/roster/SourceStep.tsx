import { Alert, Box, Button, Card, CardActions, CardContent, CircularProgress, Grid, Typography } from '@mui/material';
import FolderOpenOutlined from '@mui/icons-material/FolderOpenOutlined';
import UploadFileOutlined from '@mui/icons-material/UploadFileOutlined';
import LockOutlined from '@mui/icons-material/LockOutlined';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { errorText } from '../components/errorText';
import type { RosterPreview, SisMappingStep } from '../../../shared/ipc/contract/roster';

/** Where the roster comes from. The dialog itself opens in the main process; no path reaches this window. */
export function SourceStep({ onMapping, onPreview }: { onMapping: (m: SisMappingStep) => void; onPreview: (p: RosterPreview) => void }) {
  const { t } = useTranslation();
  const choose = useMutation({
    mutationFn: (kind: 'folder' | 'files') => api.roster.choose({ kind }),
    onSuccess: (r) => {
      if (r.status === 'mapping') onMapping(r.mapping);
      else if (r.status === 'preview') onPreview(r.preview);
    },
  });
  const cancelled = choose.data?.status === 'cancelled';
  const card = (kind: 'folder' | 'files') => (
    <Grid size={{ xs: 12, md: 6 }}>
      <Card sx={{ height: '100%', display: 'flex', flexDirection: 'column' }}>
        <CardContent sx={{ flex: 1, p: 3 }}>
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5, mb: 1.5 }}>
            {kind === 'folder' ? <FolderOpenOutlined color="primary" /> : <UploadFileOutlined color="primary" />}
            <Typography variant="h2" component="h2">
              {t(kind === 'folder' ? 'roster.source.folderTitle' : 'roster.source.filesTitle')}
            </Typography>
          </Box>
          <Typography color="text.secondary">{t(kind === 'folder' ? 'roster.source.folderBody' : 'roster.source.filesBody')}</Typography>
        </CardContent>
        <CardActions sx={{ px: 3, pb: 3 }}>
          <Button variant={kind === 'files' ? 'contained' : 'outlined'} onClick={() => choose.mutate(kind)} disabled={choose.isPending}>
            {t(kind === 'folder' ? 'roster.source.folderButton' : 'roster.source.filesButton')}
          </Button>
        </CardActions>
      </Card>
    </Grid>
  );
  return (
    <Box sx={{ maxWidth: 1100 }}>
      <Grid container spacing={2}>
        {card('files')}
        {card('folder')}
      </Grid>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mt: 2, color: 'text.secondary' }}>
        <LockOutlined fontSize="small" />
        <Typography variant="body2">{t('roster.localOnly')}</Typography>
      </Box>
      <Box aria-live="polite" sx={{ mt: 2 }}>
        {choose.isPending && (
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5 }}>
            <CircularProgress size={20} aria-hidden />
            <Typography>{t('roster.source.reading')}</Typography>
          </Box>
        )}
        {cancelled && <Alert severity="info">{t('roster.source.cancelled')}</Alert>}
        {choose.isError && <Alert severity="error">{errorText(t, choose.error)}</Alert>}
      </Box>
    </Box>
  );
}
