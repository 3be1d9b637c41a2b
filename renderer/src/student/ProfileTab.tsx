import { Card, CardContent, Grid, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { StudentDetail } from '../../../shared/ipc/contract';
import { formatIsoDate } from '../components/format';

/** One label/value pair: a grid cell that is itself the <div> grouping a <dt> and <dd>. */
export function Field({ label, value }: { label: string; value: string | null | undefined }) {
  const { t } = useTranslation();
  return (
    <Grid size={{ xs: 12, sm: 6, md: 3 }} sx={{ mb: 2 }}>
      <Typography variant="body2" color="text.secondary" component="dt">
        {label}
      </Typography>
      <Typography component="dd" sx={{ m: 0, fontWeight: 500, color: value ? 'text.primary' : 'text.secondary' }}>
        {value || t('common.notSet')}
      </Typography>
    </Grid>
  );
}

/** The student record as stored: names, IDs, dates, campus. */
export function ProfileTab({ student: s }: { student: StudentDetail }) {
  const { t, i18n } = useTranslation();
  return (
    <Card>
      <CardContent sx={{ p: 3 }}>
        <Typography variant="h2" gutterBottom>
          {t('student.record')}
        </Typography>
        <Grid container component="dl" columnSpacing={3} sx={{ m: 0 }}>
          <Field label={t('student.fields.firstName')} value={s.firstName} />
          <Field label={t('student.fields.middleName')} value={s.middleName} />
          <Field label={t('student.fields.lastName')} value={s.lastName} />
          <Field label={t('student.fields.preferredName')} value={s.preferredName} />
          <Field label={t('student.fields.localId')} value={s.localId} />
          <Field label={t('student.fields.stateId')} value={s.stateId} />
          <Field label={t('student.fields.birthDate')} value={formatIsoDate(s.birthDate, i18n.language)} />
          <Field label={t('student.fields.campusName')} value={s.campusName} />
        </Grid>
        <Typography variant="body2" color="text.secondary">
          {t('student.lastUpdated', { date: formatIsoDate(s.updatedAt, i18n.language) })}
        </Typography>
      </CardContent>
    </Card>
  );
}
