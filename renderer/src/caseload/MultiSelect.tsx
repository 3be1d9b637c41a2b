import { Checkbox, ListItemText, MenuItem, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';

/** A compact multiple-choice filter: "Any" when nothing is chosen, the choice or a count otherwise. */
export function MultiSelect<V extends string | number>({
  label,
  options,
  selected,
  onChange,
  width,
}: {
  label: string;
  options: { value: V; label: string }[];
  selected: V[];
  onChange: (v: V[]) => void;
  width: number;
}) {
  const { t } = useTranslation();
  // A chosen value no longer offered (e.g. from a saved view) stays visible so it can be removed.
  const all = [...options, ...selected.filter((s) => !options.some((o) => o.value === s)).map((s) => ({ value: s, label: String(s) }))];
  return (
    <TextField
      select
      size="small"
      label={label}
      value={selected}
      sx={{ width }}
      onChange={(e) => {
        const raw = e.target.value as unknown as (string | number)[];
        const values = (typeof raw === 'string' ? String(raw).split(',') : raw).map((v) => all.find((o) => String(o.value) === String(v))!.value);
        onChange(values);
      }}
      slotProps={{
        select: {
          multiple: true,
          displayEmpty: true,
          renderValue: (value) => {
            const v = value as V[];
            if (v.length === 0) return t('caseload.filters.none');
            if (v.length === 1) return all.find((o) => o.value === v[0])?.label.split(' · ')[0] ?? String(v[0]);
            return t('caseload.filters.selected', { count: v.length });
          },
          MenuProps: { slotProps: { paper: { sx: { maxHeight: 420 } } } },
        },
        inputLabel: { shrink: true },
      }}
    >
      {all.map((o) => (
        <MenuItem key={String(o.value)} value={o.value}>
          <Checkbox size="small" checked={selected.includes(o.value)} sx={{ py: 0 }} />
          <ListItemText primary={o.label} />
        </MenuItem>
      ))}
    </TextField>
  );
}
