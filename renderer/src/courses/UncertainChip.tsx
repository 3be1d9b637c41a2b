import { Chip, Tooltip } from '@mui/material';
import HelpOutline from '@mui/icons-material/HelpOutlineOutlined';
import { useTranslation } from 'react-i18next';
import type { Localized } from '../../../shared/domain/graduation/ruleSet';
import { pick } from './format';

interface Flag {
  uncertain?: boolean;
  note?: Localized | null;
  confidence?: 'high' | 'medium' | 'low' | null;
}

/**
 * The mark on a rule our sources could not confirm. Shown wherever the rule is used, with
 * the reason in a tooltip (reachable by keyboard: the chip takes focus).
 */
export function UncertainChip({ flag, size = 'small' }: { flag: Flag | null | undefined; size?: 'small' | 'medium' }) {
  const { t, i18n } = useTranslation();
  if (!flag?.uncertain) return null;
  const note = flag.note ? pick(flag.note, i18n.language) : t('courses.uncertain.tooltip');
  const confidence = flag.confidence ? ` (${t(`courses.uncertain.confidence.${flag.confidence}`)})` : '';
  return (
    <Tooltip title={`${note}${confidence}`}>
      <Chip
        size={size}
        icon={<HelpOutline />}
        label={t('courses.uncertain.chip')}
        color="warning"
        variant="outlined"
        tabIndex={0}
        aria-label={`${t('courses.uncertain.chip')}: ${note}${confidence}`}
        sx={{ flexShrink: 0 }}
      />
    </Tooltip>
  );
}
