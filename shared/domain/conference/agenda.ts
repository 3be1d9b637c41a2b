import agendaData from '../../../resources/conference/agendas.json';
import type { Locale } from '../../i18n/locales';
import type { GradeLevel } from '../gradeLevels';
import type { ConferencePurpose, ItemVisibility } from '../../ipc/contract/conferences';

/**
 * Agenda/checklist templates (resources/conference/agendas.json): one per purpose, and for
 * the graduation-plan review one per grade band, because the Texas rules differ by grade
 * (TEC 28.0212 middle school, 28.02121 entering grade 9, 28.0256 seniors).
 */
interface RawText {
  en: string;
  es: string;
  source?: string;
  uncertain?: string;
}
interface RawItem extends Partial<RawText> {
  ref?: string;
  key?: string;
  audience?: 'family' | 'counselor';
}
interface RawTemplate {
  id: string;
  purpose: ConferencePurpose;
  grades: GradeLevel[] | null;
  title: { en: string; es: string };
  items: RawItem[];
}
interface RawData {
  sources: Record<string, { citation: string; url: string }>;
  items: Record<string, RawText>;
  templates: RawTemplate[];
}

const data = agendaData as unknown as RawData;

export interface TemplateItem {
  /** `<templateId>/<key>`: unique across templates, stored with the agenda item. */
  key: string;
  text: { en: string; es: string };
  visibility: ItemVisibility;
  /** Citation of the rule behind the item. */
  source: { citation: string; url: string } | null;
  /** Why the item's source is not certain, when it is not. */
  uncertain: string | null;
}

export interface AgendaTemplate {
  id: string;
  purpose: ConferencePurpose;
  grades: GradeLevel[] | null;
  title: { en: string; es: string };
  items: TemplateItem[];
}

function resolve(template: RawTemplate): AgendaTemplate {
  return {
    id: template.id,
    purpose: template.purpose,
    grades: template.grades,
    title: template.title,
    items: template.items.map((item) => {
      const base: RawText | undefined = item.ref ? data.items[item.ref] : (item as RawText);
      const key = item.ref ?? item.key;
      if (!base || !key || !base.en || !base.es) throw new Error(`Agenda template ${template.id}: item ${key ?? '?'} is incomplete`);
      const sourceId = item.source ?? base.source;
      const source = sourceId ? data.sources[sourceId] : undefined;
      if (sourceId && !source) throw new Error(`Agenda template ${template.id}: unknown source ${sourceId}`);
      return {
        key: `${template.id}/${key}`,
        text: { en: base.en, es: base.es },
        visibility: item.audience === 'counselor' ? 'private' : 'family',
        source: source ?? null,
        uncertain: item.uncertain ?? base.uncertain ?? null,
      };
    }),
  };
}

export const AGENDA_TEMPLATES: AgendaTemplate[] = data.templates.map(resolve);

const BY_KEY = new Map(AGENDA_TEMPLATES.flatMap((t) => t.items.map((i) => [i.key, i] as const)));

/**
 * The template a new conference starts from. For a graduation-plan review the grade picks the
 * band; a student without a recorded grade gets the annual high-school review, which asks
 * nothing grade-specific of the family.
 */
export function agendaTemplateFor(purpose: ConferencePurpose, grade: GradeLevel | null): AgendaTemplate {
  const candidates = AGENDA_TEMPLATES.filter((t) => t.purpose === purpose);
  const byGrade = grade ? candidates.find((t) => t.grades?.includes(grade)) : undefined;
  const fallback = purpose === 'pgp_review' ? candidates.find((t) => t.id === 'pgp-annual') : candidates.find((t) => t.grades === null);
  const chosen = byGrade ?? fallback ?? candidates[0];
  if (!chosen) throw new Error(`No agenda template for ${purpose}`);
  return chosen;
}

export function templateItem(key: string | null): TemplateItem | null {
  return key ? (BY_KEY.get(key) ?? null) : null;
}

export function templateTitle(id: string | null, locale: Locale): string | null {
  const t = id ? AGENDA_TEMPLATES.find((x) => x.id === id) : undefined;
  return t ? t.title[locale] : null;
}
