import { Chip, FormControl, FormControlLabel, FormHelperText, FormLabel, Radio, RadioGroup, Stack, Typography } from '@mui/material';
import LockOutlined from '@mui/icons-material/LockOutlined';
import BadgeOutlined from '@mui/icons-material/BadgeOutlined';
import FamilyRestroomOutlined from '@mui/icons-material/FamilyRestroomOutlined';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { NOTE_VISIBILITIES, type NoteVisibility } from '../../../shared/ipc/contract/common';

const ICONS: Record<NoteVisibility, React.ReactElement> = {
  private: <LockOutlined fontSize="small" />,
  staff: <BadgeOutlined fontSize="small" />,
  family: <FamilyRestroomOutlined fontSize="small" />,
};

/** Who can see a record, in words (never colour alone): "Private — only you", "Shared with family". */
export function VisibilityChip({ visibility, size = 'small' }: { visibility: NoteVisibility; size?: 'small' | 'medium' }) {
  const { t } = useTranslation();
  return (
    <Chip
      size={size}
      icon={ICONS[visibility]}
      label={t(`workspace.visibility.${visibility}`)}
      variant={visibility === 'family' ? 'filled' : 'outlined'}
      color={visibility === 'family' ? 'primary' : visibility === 'staff' ? 'secondary' : 'default'}
      sx={{ fontWeight: 600 }}
    />
  );
}

/** The visibility choice with what each level means; the default is preselected by the caller. */
/**
 * `row`: options side by side; `compact`: stacked without per-option help. Both then show the
 * chosen option's meaning underneath.
 */
export function VisibilityField({ value, onChange, note, row = false, compact = false }: { value: NoteVisibility; onChange: (v: NoteVisibility) => void; note?: string; row?: boolean; compact?: boolean }) {
  const brief = row || compact;
  const { t } = useTranslation();
  const labelId = useId();
  return (
    <FormControl component="fieldset" sx={{ width: '100%' }}>
      <FormLabel component="legend" id={labelId} sx={{ mb: 0.5, fontWeight: 600 }}>
        {t('workspace.visibility.label')}
      </FormLabel>
      <RadioGroup aria-labelledby={labelId} value={value} onChange={(e) => onChange(e.target.value as NoteVisibility)} row={row}>
        {NOTE_VISIBILITIES.map((v) => (
          <FormControlLabel
            key={v}
            value={v}
            control={<Radio size="small" />}
            sx={{ alignItems: 'flex-start', mr: row ? 3 : 0, mb: brief ? 0 : 0.5, '& .MuiRadio-root': { pt: brief ? 0.5 : 0.25 } }}
            label={
              <Stack>
                <Typography sx={{ fontWeight: 600, display: 'flex', alignItems: 'center', gap: 0.75 }}>
                  {ICONS[v]} {t(`workspace.visibility.${v}`)}
                </Typography>
                {!brief && (
                  <Typography variant="body2" color="text.secondary">
                    {t(`workspace.visibility.help.${v}`)}
                  </Typography>
                )}
              </Stack>
            }
          />
        ))}
      </RadioGroup>
      {brief && <FormHelperText sx={{ mx: 0 }}>{t(`workspace.visibility.help.${value}`)}</FormHelperText>}
      {note && <FormHelperText sx={{ mx: 0 }}>{note}</FormHelperText>}
    </FormControl>
  );
}
