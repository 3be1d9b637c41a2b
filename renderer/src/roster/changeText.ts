import type { TFunction } from 'i18next';
import type { RosterChange, RosterSpanView } from '../../../shared/ipc/contract/roster';
import { formatIsoDate } from '../components/format';
import { languageName } from '../components/languageName';
import { programLabel } from './labels';

function value(t: TFunction, locale: string, field: string, v: string | number | null): string {
  if (v === null || v === '') return t('roster.change.blank');
  if (field === 'gradeLevel') return t(`common.grade.${v}`, { defaultValue: String(v) });
  if (field === 'birthDate') return formatIsoDate(String(v), locale);
  if (field === 'homeLanguage' || field === 'familyLanguage' || field === 'language') return languageName(String(v), locale);
  if (field === 'mayReceiveInformation') return t(v === 1 ? 'roster.change.yes' : 'roster.change.no');
  if (field === 'relationship') return t(`student.profile.relationships.${v}`, { defaultValue: String(v) });
  return String(v);
}

function spans(t: TFunction, locale: string, list: RosterSpanView[]): string {
  if (list.length === 0) return t('roster.change.programNone');
  const current = list.find((s) => s.current);
  if (current) return current.beginDate ? t('roster.change.programCurrentSince', { date: formatIsoDate(current.beginDate, locale) }) : t('roster.change.programCurrent');
  const last = [...list].sort((a, b) => (b.endDate ?? '').localeCompare(a.endDate ?? ''))[0];
  return last.endDate ? t('roster.change.programEndedOn', { date: formatIsoDate(last.endDate, locale) }) : t('roster.change.programEnded');
}

/** One change as the counselor reads it: what, from what, to what. */
export function changeText(t: TFunction, locale: string, c: RosterChange): string {
  if (c.subject === 'student') return `${t(`roster.change.fields.${c.field}`)}: ${value(t, locale, c.field, c.before)} → ${value(t, locale, c.field, c.after)}`;
  if (c.subject === 'program') return t('roster.change.program', { program: programLabel(t, c.program), before: spans(t, locale, c.before), after: spans(t, locale, c.after) });
  switch (c.change) {
    case 'added':
      return c.relationship
        ? t('roster.change.guardianAddedAs', { name: c.guardian, relationship: value(t, locale, 'relationship', c.relationship) })
        : t('roster.change.guardianAdded', { name: c.guardian });
    case 'not-in-roster':
      return t('roster.change.guardianNotInRoster', { name: c.guardian });
    case 'back-in-roster':
      return t('roster.change.guardianBack', { name: c.guardian });
    case 'linked':
      return t('roster.change.guardianLinked', { name: c.guardian });
    default:
      return `${t('roster.change.guardianField', { name: c.guardian, field: t(`roster.change.guardianFields.${c.field}`) })}: ${value(t, locale, c.field!, c.before)} → ${value(t, locale, c.field!, c.after)}`;
  }
}

/** The two sides of a conflict, for "keep mine: …" / "take the file's: …". */
export function conflictSides(t: TFunction, locale: string, c: RosterChange): { mine: string; file: string; field: string } {
  if (c.subject === 'student') return { field: t(`roster.change.fields.${c.field}`), mine: value(t, locale, c.field, c.before), file: value(t, locale, c.field, c.after) };
  if (c.subject === 'program') return { field: programLabel(t, c.program), mine: spans(t, locale, c.before), file: spans(t, locale, c.after) };
  return {
    field: t('roster.change.guardianField', { name: c.guardian, field: t(`roster.change.guardianFields.${c.field ?? 'firstName'}`) }),
    mine: value(t, locale, c.field ?? '', c.before),
    file: value(t, locale, c.field ?? '', c.after),
  };
}
