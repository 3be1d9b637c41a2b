import { useState } from 'react';
import { Autocomplete, Box, Chip, IconButton, Popover, Stack, TextField, Tooltip, Typography } from '@mui/material';
import InfoOutlined from '@mui/icons-material/InfoOutlined';
import { useTranslation } from 'react-i18next';
import { ASCA, findAscaStandard, type AscaStandard } from '../../../shared/domain/workspace/asca';
import { fold } from '../../../shared/domain/text';
import type { Locale } from '../../../shared/i18n/locales';

function lang(l: string): Locale {
  return l === 'es' ? 'es' : 'en';
}

/** Source, edition and what is unverified about the shipped ASCA list (the flag is shown, not hidden). */
export function AscaInfoButton() {
  const { t, i18n } = useTranslation();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  return (
    <>
      <Tooltip title={t('workspace.asca.about')}>
        <IconButton size="small" aria-label={t('workspace.asca.about')} onClick={(e) => setAnchor(e.currentTarget)}>
          <InfoOutlined fontSize="small" />
        </IconButton>
      </Tooltip>
      <Popover open={!!anchor} anchorEl={anchor} onClose={() => setAnchor(null)} anchorOrigin={{ vertical: 'bottom', horizontal: 'left' }}>
        <Stack spacing={1} sx={{ p: 2, maxWidth: 440 }}>
          <Typography variant="h4" component="h2">
            {t('workspace.asca.label')}
          </Typography>
          <Typography variant="body2">
            {t('workspace.asca.source', { title: ASCA.title, year: ASCA.year, publisher: ASCA.publisher })}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            <Chip size="small" color="warning" variant="outlined" label={t('workspace.asca.uncertain')} sx={{ mr: 1 }} />
            {t('workspace.asca.uncertainHelp')}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {ASCA.note[lang(i18n.language)]}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {t('workspace.asca.countNote', { count: ASCA.count.value })}
          </Typography>
          {lang(i18n.language) === 'es' && (
            <Typography variant="body2" color="text.secondary">
              {t('workspace.asca.translation')}
            </Typography>
          )}
          <Stack component="ul" sx={{ m: 0, pl: 2.5 }}>
            {ASCA.sources.map((s) => (
              <Typography component="li" variant="body2" key={s.url}>
                {s.title}
                {/* Shown as text: the app opens no web pages (see electron/main/hardening.ts). */}
                <Typography component="span" variant="caption" color="text.secondary" sx={{ display: 'block', wordBreak: 'break-all', userSelect: 'text' }}>
                  {s.url}
                </Typography>
              </Typography>
            ))}
          </Stack>
        </Stack>
      </Popover>
    </>
  );
}

/** A code chip ("B-LS 7") whose tooltip gives the standard's text in the counselor's language. */
export function AscaChip({ code }: { code: string }) {
  const { t, i18n } = useTranslation();
  const s = findAscaStandard(code);
  const text = s ? s[lang(i18n.language)] : code;
  return (
    <Tooltip title={s?.uncertain ? `${text} (${t('workspace.asca.uncertain')})` : text}>
      <Chip size="small" variant="outlined" label={code} aria-label={`${code}: ${text}${s?.uncertain ? ` (${t('workspace.asca.uncertain')})` : ''}`} tabIndex={0} />
    </Tooltip>
  );
}

/** Pick standards by code or by words in either language; unverified wording is marked in the list. */
export function AscaField({ value, onChange, error }: { value: string[]; onChange: (codes: string[]) => void; error?: string }) {
  const { t, i18n } = useTranslation();
  const l = lang(i18n.language);
  const selected = value.map((c) => findAscaStandard(c)).filter((s): s is AscaStandard => !!s);
  return (
    <Stack direction="row" spacing={0.5} sx={{ alignItems: 'flex-start' }}>
      <Autocomplete
        multiple
        fullWidth
        options={ASCA.standards}
        value={selected}
        onChange={(_e, v) => onChange(v.map((s) => s.code))}
        groupBy={(s) => t(`workspace.asca.categories.${s.category}`)}
        getOptionLabel={(s) => `${s.code} — ${s[l]}`}
        isOptionEqualToValue={(a, b) => a.code === b.code}
        filterOptions={(opts, state) => {
          const q = fold(state.inputValue).replace(/[-\s]/g, '');
          if (!q) return opts;
          return opts.filter((s) => fold(`${s.code} ${s.en} ${s.es}`).replace(/[-\s]/g, '').includes(q) || fold(`${s.en} ${s.es}`).includes(fold(state.inputValue)));
        }}
        noOptionsText={t('workspace.asca.noOptions')}
        renderOption={(props, s) => {
          const { key, ...rest } = props as typeof props & { key: string };
          return (
            <Box component="li" key={key} {...rest} sx={{ gap: 1, alignItems: 'baseline !important' }}>
              <Typography component="span" sx={{ fontWeight: 700, minWidth: 64 }}>
                {s.code}
              </Typography>
              <Typography component="span" variant="body2">
                {s[l]}
                {s.uncertain && (
                  <Typography component="span" variant="caption" color="warning.main" sx={{ ml: 1, fontWeight: 600 }}>
                    {t('workspace.asca.uncertain')}
                  </Typography>
                )}
              </Typography>
            </Box>
          );
        }}
        renderValue={(v, getItemProps) =>
          v.map((s, index) => {
            const { key, ...itemProps } = getItemProps({ index });
            return <Chip key={key} {...itemProps} size="small" label={s.code} title={s[l]} />;
          })
        }
        renderInput={(params) => <TextField {...params} label={t('workspace.goalForm.asca')} helperText={error ?? t('workspace.goalForm.ascaHelp')} error={!!error} />}
      />
      <Box sx={{ pt: 1 }}>
        <AscaInfoButton />
      </Box>
    </Stack>
  );
}
