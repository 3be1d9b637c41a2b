import { useState } from 'react';
import { MenuItem, TextField } from '@mui/material';
import { addDays } from 'date-fns';
import { useTranslation } from 'react-i18next';
import type { CaseloadFacts } from '../../../shared/ipc/contract';
import { isIsoDate, localIsoDate } from '../../../shared/domain/dates';

type LastWhen = NonNullable<CaseloadFacts['lastConference']>['when'];
type YesNo = '' | 'yes' | 'no';

const yesNo = (v: boolean | undefined): YesNo => (v === undefined ? '' : v ? 'yes' : 'no');
const fromYesNo = (v: YesNo): boolean | undefined => (v === '' ? undefined : v === 'yes');

/** A date field that reports only complete, real dates (typing "2026-0" does not filter yet). */
function DateField({ label, value, onChange }: { label: string; value: string; onChange: (d: string) => void }) {
  const [draft, setDraft] = useState(value);
  // A new value from outside (a saved view applied) replaces what is typed.
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    setSeen(value);
    setDraft(value);
  }
  return (
    <TextField
      size="small"
      type="date"
      label={label}
      value={draft}
      onChange={(e) => {
        setDraft(e.target.value);
        if (isIsoDate(e.target.value)) onChange(e.target.value);
      }}
      slotProps={{ inputLabel: { shrink: true } }}
      sx={{ width: 170 }}
    />
  );
}

function DaysField({ label, value, onChange }: { label: string; value: number; onChange: (n: number) => void }) {
  const [draft, setDraft] = useState(String(value));
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    setSeen(value);
    setDraft(String(value));
  }
  const n = Number(draft);
  const valid = /^\d+$/.test(draft) && n >= 1 && n <= 3650;
  return (
    <TextField
      size="small"
      type="number"
      label={label}
      value={draft}
      error={!valid}
      onChange={(e) => {
        setDraft(e.target.value);
        const v = Number(e.target.value);
        if (/^\d+$/.test(e.target.value) && v >= 1 && v <= 3650) onChange(v);
      }}
      slotProps={{ htmlInput: { min: 1, max: 3650 }, inputLabel: { shrink: true } }}
      sx={{ width: 96 }}
    />
  );
}

function Choice<V extends string>({ label, value, options, onChange, width }: { label: string; value: V; options: { value: V; label: string }[]; onChange: (v: V) => void; width: number }) {
  return (
    <TextField
      select
      size="small"
      label={label}
      value={value}
      onChange={(e) => onChange(e.target.value as V)}
      sx={{ width }}
      slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
    >
      {options.map((o) => (
        <MenuItem key={o.value} value={o.value}>
          {o.label}
        </MenuItem>
      ))}
    </TextField>
  );
}

/**
 * Filters on facts other parts of the record keep: a four-year course plan, goals in the
 * individual plan, the last conference, and conference follow-ups due. The main process
 * evaluates them (electron/services/caseload/facts.ts).
 */
export function FactFilters({ facts, onChange }: { facts: CaseloadFacts; onChange: (f: CaseloadFacts) => void }) {
  const { t } = useTranslation();
  const k = (key: string) => t(`caseload.facts.${key}`);
  const set = (patch: Partial<CaseloadFacts>) => {
    const next: Record<string, unknown> = { ...facts, ...patch };
    for (const key of Object.keys(next)) if (next[key] === undefined) delete next[key];
    onChange(next as CaseloadFacts);
  };
  const last = facts.lastConference;
  const follow = facts.followUps;
  return (
    <>
      <Choice<YesNo>
        label={k('coursePlan.label')}
        value={yesNo(facts.hasCoursePlan)}
        width={210}
        options={[
          { value: '', label: t('caseload.filters.none') },
          { value: 'yes', label: k('coursePlan.yes') },
          { value: 'no', label: k('coursePlan.no') },
        ]}
        onChange={(v) => set({ hasCoursePlan: fromYesNo(v) })}
      />
      <Choice<YesNo>
        label={k('goals.label')}
        value={yesNo(facts.hasGoals)}
        width={210}
        options={[
          { value: '', label: t('caseload.filters.none') },
          { value: 'yes', label: k('goals.yes') },
          { value: 'no', label: k('goals.no') },
        ]}
        onChange={(v) => set({ hasGoals: fromYesNo(v) })}
      />
      <Choice<LastWhen | ''>
        label={k('lastConference.label')}
        value={last?.when ?? ''}
        width={210}
        options={[
          { value: '', label: t('caseload.filters.none') },
          { value: 'within', label: k('lastConference.within') },
          { value: 'before', label: k('lastConference.before') },
          { value: 'onOrAfter', label: k('lastConference.onOrAfter') },
          { value: 'never', label: k('lastConference.never') },
        ]}
        onChange={(v) =>
          set({
            lastConference:
              v === ''
                ? undefined
                : v === 'never'
                  ? { when: 'never' }
                  : v === 'within'
                    ? { when: 'within', days: 90 }
                    : { when: v, date: last && 'date' in last ? last.date : localIsoDate(addDays(new Date(), -90)) },
          })
        }
      />
      {last?.when === 'within' && <DaysField label={k('lastConference.days')} value={last.days} onChange={(days) => set({ lastConference: { when: 'within', days } })} />}
      {(last?.when === 'before' || last?.when === 'onOrAfter') && <DateField label={k('lastConference.date')} value={last.date} onChange={(date) => set({ lastConference: { when: last.when, date } })} />}
      <Choice<'' | 'overdue' | 'by'>
        label={k('followUps.label')}
        value={follow?.due ?? ''}
        width={210}
        options={[
          { value: '', label: t('caseload.filters.none') },
          { value: 'overdue', label: k('followUps.overdue') },
          { value: 'by', label: k('followUps.by') },
        ]}
        onChange={(v) => set({ followUps: v === '' ? undefined : v === 'overdue' ? { due: 'overdue' } : { due: 'by', date: localIsoDate(addDays(new Date(), 7)) } })}
      />
      {follow?.due === 'by' && <DateField label={k('followUps.date')} value={follow.date} onChange={(date) => set({ followUps: { due: 'by', date } })} />}
    </>
  );
}
