import { Alert, Box, Button, Card, CardContent, Stack, Typography } from '@mui/material';
import { Link as RouterLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { RosterCommitResult } from '../../../shared/ipc/contract/roster';

export function ResultStep({ result, onAnother }: { result: RosterCommitResult; onAnother: () => void }) {
  const { t } = useTranslation();
  const { counts, campuses, guardians, conflicts } = result;
  return (
    <Card sx={{ maxWidth: 900 }}>
      <CardContent sx={{ p: 3 }}>
        <Typography variant="h2" gutterBottom>
          {t('roster.result.title')}
        </Typography>
        <Alert severity="success" sx={{ mb: 2 }} role="status">
          {t('roster.result.body', { new: counts.new, updated: counts.updated, unchanged: counts.unchanged })}
        </Alert>
        <Stack spacing={0.75} sx={{ mb: 3 }}>
          {campuses.new + campuses.updated > 0 && <Typography>{t('roster.result.campuses', campuses)}</Typography>}
          {guardians.added + guardians.updated + guardians.notInRoster > 0 && <Typography>{t('roster.result.guardians', guardians)}</Typography>}
          {conflicts.keptMine + conflicts.tookFile > 0 && <Typography>{t('roster.result.conflicts', { mine: conflicts.keptMine, file: conflicts.tookFile })}</Typography>}
        </Stack>
        <Box sx={{ display: 'flex', gap: 1.5, flexWrap: 'wrap' }}>
          <Button variant="contained" component={RouterLink} to="/caseload">
            {t('roster.result.toCaseload')}
          </Button>
          <Button onClick={onAnother}>{t('roster.result.another')}</Button>
        </Box>
      </CardContent>
    </Card>
  );
}
