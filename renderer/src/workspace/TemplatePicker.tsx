import { useState } from 'react';
import { Box, Button, Chip, List, ListItem, ListItemButton, ListItemText, MenuItem, Stack, TextField, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import EditNoteOutlined from '@mui/icons-material/EditNoteOutlined';
import { useTranslation } from 'react-i18next';
import type { StudentDetail } from '../../../shared/ipc/contract';
import { GOAL_TEMPLATES, GRADE_BANDS, gradeBand, templatesFor, type GoalTemplate, type GradeBand } from '../../../shared/domain/workspace/templates';
import { GOAL_DOMAINS, type GoalDomain } from '../../../shared/domain/workspace/vocabulary';
import { LOCALES, type Locale } from '../../../shared/i18n/locales';

/**
 * First step of a new goal: templates for the student's grade band (changeable), by
 * domain, in the language the goal should be written in; or a blank form.
 */
export function TemplatePicker({ student, domain: presetDomain, onPick, onBlank }: {
  student: StudentDetail;
  domain?: GoalDomain;
  onPick: (template: GoalTemplate, locale: Locale) => void;
  onBlank: () => void;
}) {
  const { t, i18n } = useTranslation();
  const auto = gradeBand(student.gradeLevel);
  const [band, setBand] = useState<GradeBand | 'all'>(auto ?? 'all');
  const [domain, setDomain] = useState<GoalDomain | 'all'>(presetDomain ?? 'all');
  const [locale, setLocale] = useState<Locale>(i18n.language === 'es' ? 'es' : 'en');
  const list = templatesFor(band === 'all' ? null : band, domain === 'all' ? null : domain);

  return (
    <Stack spacing={2}>
      <Button variant="outlined" startIcon={<EditNoteOutlined />} onClick={onBlank} sx={{ alignSelf: 'flex-start' }}>
        {t('workspace.template.blank')}
      </Button>
      <Typography variant="h3" component="h3">
        {t('workspace.template.fromTemplate')}
      </Typography>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} useFlexGap sx={{ alignItems: { md: 'flex-start' }, flexWrap: 'wrap' }}>
        <TextField
          select
          label={t('workspace.template.band')}
          value={band}
          onChange={(e) => setBand(e.target.value as GradeBand | 'all')}
          helperText={auto ? t('workspace.template.bandAuto', { grade: t(`common.grade.${student.gradeLevel}`) }) : t('workspace.template.bandUnknown')}
          sx={{ width: { md: 280 } }}
        >
          {GRADE_BANDS.map((b) => (
            <MenuItem key={b} value={b}>
              {t(`workspace.bandTitle.${b}`)}
            </MenuItem>
          ))}
          <MenuItem value="all">{t('workspace.band.all')}</MenuItem>
        </TextField>
        <Box>
          <Typography variant="body2" color="text.secondary" id="tpl-domain" sx={{ mb: 0.5 }}>
            {t('workspace.template.domainFilter')}
          </Typography>
          <ToggleButtonGroup size="small" exclusive value={domain} onChange={(_e, v) => v && setDomain(v)} aria-labelledby="tpl-domain">
            <ToggleButton value="all">{t('workspace.template.allDomains')}</ToggleButton>
            {GOAL_DOMAINS.map((d) => (
              <ToggleButton key={d} value={d}>
                {t(`workspace.domain.${d}`)}
              </ToggleButton>
            ))}
          </ToggleButtonGroup>
        </Box>
        <Box>
          <Typography variant="body2" color="text.secondary" id="tpl-lang" sx={{ mb: 0.5 }}>
            {t('workspace.template.language')}
          </Typography>
          <ToggleButtonGroup size="small" exclusive value={locale} onChange={(_e, v) => v && setLocale(v)} aria-labelledby="tpl-lang" aria-describedby="tpl-lang-help">
            {LOCALES.map((l) => (
              <ToggleButton key={l} value={l} lang={l}>
                {t(`common.languageNames.${l}`)}
              </ToggleButton>
            ))}
          </ToggleButtonGroup>
          <Typography variant="caption" color="text.secondary" id="tpl-lang-help" sx={{ display: 'block', mt: 0.5 }}>
            {t('workspace.template.languageHelp')}
          </Typography>
        </Box>
      </Stack>
      {list.length === 0 ? (
        <Typography color="text.secondary">{t('workspace.template.none')}</Typography>
      ) : (
        <List aria-label={t('workspace.template.fromTemplate')} sx={{ border: 1, borderColor: 'divider', borderRadius: 2, py: 0 }}>
          {list.map((tpl, i) => (
            <ListItem key={tpl.id} disablePadding divider={i < list.length - 1}>
            <ListItemButton onClick={() => onPick(tpl, locale)} sx={{ alignItems: 'flex-start', py: 1.25 }}>
              <ListItemText
                disableTypography
                primary={
                  <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 0.5 }}>
                    <Typography sx={{ fontWeight: 650 }} lang={locale}>
                      {tpl.title[locale]}
                    </Typography>
                    <Chip size="small" label={t(`workspace.domain.${tpl.domain}`)} />
                    <Chip size="small" variant="outlined" label={t(`workspace.horizon.${tpl.horizon}`)} />
                    {band === 'all' && <Chip size="small" variant="outlined" label={t(`workspace.bandTitle.${tpl.band}`)} />}
                    <Typography variant="body2" color="text.secondary">
                      {t('workspace.template.steps', { count: tpl.steps.length })} · {tpl.asca.join(', ')}
                    </Typography>
                  </Stack>
                }
                secondary={
                  <Typography variant="body2" color="text.secondary" lang={locale}>
                    {tpl.statement[locale]}
                  </Typography>
                }
              />
            </ListItemButton>
            </ListItem>
          ))}
        </List>
      )}
      <Typography variant="caption" color="text.secondary">
        {t('workspace.template.source', { year: GOAL_TEMPLATES.year })}
      </Typography>
    </Stack>
  );
}
