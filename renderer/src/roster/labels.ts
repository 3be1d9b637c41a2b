import type { TFunction } from 'i18next';
import { GUARDIAN_PARTS, GUARDIAN_SLOTS, SIS_STUDENT_FIELDS, type SisField } from '../../../shared/domain/roster/sisFields';
import { PROGRAM_CODES, type ProgramCode } from '../../../shared/domain/roster/programs';

export function programLabel(t: TFunction, p: ProgramCode): string {
  return t(`roster.programs.${p}`);
}

/** Label of a mapping target: "Last name", "Program: Section 504", "Guardian 2: phone". */
export function sisFieldLabel(t: TFunction, field: SisField): string {
  if (field.startsWith('program:')) return t('roster.mapping.programField', { program: programLabel(t, field.slice(8) as ProgramCode) });
  const g = /^guardian(\d)\.(.+)$/.exec(field);
  if (g) return t('roster.mapping.guardianField', { slot: g[1], part: t(`roster.mapping.guardianParts.${g[2]}`) });
  return t(`roster.mapping.fields.${field}`);
}

/** Mapping targets in menu order, grouped. */
export function sisFieldGroups(): { group: 'student' | 'programs' | 'guardian1' | 'guardian2'; fields: SisField[] }[] {
  return [
    { group: 'student', fields: [...SIS_STUDENT_FIELDS] },
    { group: 'programs', fields: PROGRAM_CODES.map((c) => `program:${c}` as const) },
    ...GUARDIAN_SLOTS.map((slot) => ({ group: `guardian${slot}` as const, fields: GUARDIAN_PARTS.map((p) => `guardian${slot}.${p}` as const) })),
  ];
}
