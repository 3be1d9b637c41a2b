/**
 * Special programs a counselor plans around, with labels for the family's language and the
 * spellings each source uses for them. A spelling that is not listed maps to nothing (and the
 * importer says so) — never to the nearest-looking program.
 */

export const PROGRAM_CODES = [
  'special-education',
  'section-504',
  'dyslexia',
  'gifted-talented',
  'emergent-bilingual',
  'cte',
  'at-risk',
  'homeless',
  'migrant',
  'foster-care',
  'military-connected',
  'immigrant',
  'title-i',
  'neglected-delinquent',
  'food-service',
  'economically-disadvantaged',
] as const;
export type ProgramCode = (typeof PROGRAM_CODES)[number];

export interface ProgramInfo {
  label: { en: string; es: string };
}

export const PROGRAMS: Record<ProgramCode, ProgramInfo> = {
  'special-education': { label: { en: 'Special education', es: 'Educación especial' } },
  'section-504': { label: { en: 'Section 504', es: 'Sección 504' } },
  dyslexia: { label: { en: 'Dyslexia services', es: 'Servicios de dislexia' } },
  'gifted-talented': { label: { en: 'Gifted and talented', es: 'Dotados y talentosos' } },
  'emergent-bilingual': { label: { en: 'Emergent bilingual (English learner)', es: 'Bilingüe emergente (aprendiz de inglés)' } },
  cte: { label: { en: 'Career and technical education (CTE)', es: 'Educación técnica y profesional (CTE)' } },
  'at-risk': { label: { en: 'At risk of dropping out', es: 'En riesgo de abandonar la escuela' } },
  homeless: { label: { en: 'Homeless (McKinney-Vento)', es: 'Sin hogar (McKinney-Vento)' } },
  migrant: { label: { en: 'Migrant', es: 'Migrante' } },
  'foster-care': { label: { en: 'Foster care', es: 'Cuidado de crianza temporal' } },
  'military-connected': { label: { en: 'Military-connected', es: 'Familia militar' } },
  immigrant: { label: { en: 'Immigrant', es: 'Inmigrante' } },
  'title-i': { label: { en: 'Title I, Part A', es: 'Título I, Parte A' } },
  'neglected-delinquent': { label: { en: 'Neglected or delinquent (Title I, Part D)', es: 'Desatendidos o delincuentes (Título I, Parte D)' } },
  'food-service': { label: { en: 'Free or reduced-price meals', es: 'Comidas gratuitas o a precio reducido' } },
  'economically-disadvantaged': { label: { en: 'Economically disadvantaged', es: 'En desventaja económica' } },
};

export function isProgramCode(value: unknown): value is ProgramCode {
  return typeof value === 'string' && (PROGRAM_CODES as readonly string[]).includes(value);
}

/** Unique codes in vocabulary order, so two imports of the same data compare equal. */
export function sortPrograms(codes: Iterable<ProgramCode>): ProgramCode[] {
  const set = new Set(codes);
  return PROGRAM_CODES.filter((c) => set.has(c));
}

// Spellings seen in SIS exports, state reports and Spanish-language forms, folded (see `foldProgram`).
const ALIASES: Record<ProgramCode, string[]> = {
  'special-education': ['special education', 'special ed', 'sped', 'spec ed', 'iep', 'idea', 'preschool special education', 'ppcd', 'educacion especial', 'ed especial'],
  'section-504': ['504', 'section 504', 'sec 504', '504 plan', 'section 504 placement', 'seccion 504', 'plan 504'],
  dyslexia: ['dyslexia', 'dyslexic', 'dislexia'],
  'gifted-talented': ['gifted and talented', 'gifted & talented', 'gifted/talented', 'gifted', 'gt', 'g/t', 'tag', 'gate', 'talented and gifted', 'dotados y talentosos', 'dotado y talentoso', 'dotados'],
  'emergent-bilingual': [
    'emergent bilingual', 'eb', 'eb/el', 'lep', 'limited english proficient', 'limited english proficiency', 'ell', 'el', 'english learner',
    'english language learner', 'esl', 'english as a second language', 'english as a second language (esl)', 'bilingual', 'bilingual summer',
    'bilingual/esl', 'language instruction', 'bilingue emergente', 'bilingue', 'aprendiz de ingles',
  ],
  cte: ['cte', 'career and technical education', 'career & technical education', 'career technical education', 'career and technology education', 'career tech', 'vocational', 'vocational education', 'technical preparatory', 'tech prep', 'cate', 'educacion tecnica', 'educacion tecnica y profesional'],
  'at-risk': ['at risk', 'at-risk', 'atrisk', 'student retention/dropout prevention', 'dropout prevention', 'en riesgo'],
  homeless: ['homeless', 'mckinney vento', 'mckinney-vento', 'unaccompanied homeless youth', 'sin hogar'],
  migrant: ['migrant', 'migrant education', 'migratory', 'mep', 'migrante'],
  'foster-care': ['foster care', 'foster', 'in foster care', 'cuidado de crianza', 'cuidado de crianza temporal', 'hogar de acogida'],
  'military-connected': ['military connected', 'military-connected', 'military', 'military family', 'military connected student', 'familia militar'],
  immigrant: ['immigrant', 'immigrant education', 'inmigrante'],
  'title-i': ['title i', 'title 1', 'title i part a', 'title 1 part a', 'title i, part a', 'title one', 'titulo i', 'titulo 1'],
  'neglected-delinquent': ['neglected and delinquent', 'neglected and delinquent program', 'neglected or delinquent', 'neglected delinquent', 'n&d', 'title i part d', 'title i part d subpart 1', 'title i part d subpart 2'],
  'food-service': ['school food service', 'student school food service', 'free/reduced lunch', 'free and reduced lunch', 'free reduced lunch', 'free or reduced lunch', 'free/reduced', 'frl', 'f/r lunch', 'nslp', 'free lunch', 'reduced lunch', 'free meals', 'comidas gratuitas'],
  'economically-disadvantaged': ['economically disadvantaged', 'econ disadv', 'eco dis', 'ecodis', 'eco-dis', 'economic disadvantage', 'desventaja economica', 'en desventaja economica'],
};

function foldProgram(raw: string): string {
  return raw
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[_]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const BY_ALIAS = new Map<string, ProgramCode>();
for (const code of PROGRAM_CODES) for (const alias of ALIASES[code]) BY_ALIAS.set(foldProgram(alias), code);

/** "LEP Indicator", "Homeless Status", "Migrant Program", "GT Flag" name the program itself. */
const TRAILING_NOISE = /\s+(indicator|ind|flag|status|program|programs|plan|services|service|student|y\/n|yn)$/;

/** A program from a SIS column name, a list entry or a program name; null when not recognised. */
export function programFromText(raw: string): ProgramCode | null {
  let s = foldProgram(raw);
  for (let i = 0; i < 3 && s !== ''; i++) {
    const hit = BY_ALIAS.get(s);
    if (hit) return hit;
    const shorter = s.replace(TRAILING_NOISE, '');
    if (shorter === s) break;
    s = shorter;
  }
  return null;
}

/**
 * Ed-Fi ProgramTypeDescriptor code values (Data Standard 5.x, uri://ed-fi.org namespace).
 * `null` means the program exists in Ed-Fi but Waypoint does not track it — including
 * "Compensatory Services for Disadvantaged Students", which could mean Title I, state
 * compensatory (at-risk) or meal programs and so is deliberately left unmapped.
 */
const EDFI_PROGRAM_TYPES: Record<string, ProgramCode | null> = {
  'Adult/Continuing Education': null,
  'Alternative Education': null,
  Athletics: null,
  Bilingual: 'emergent-bilingual',
  'Bilingual Summer': 'emergent-bilingual',
  'Career and Technical Education': 'cte',
  'Cocurricular Programs': null,
  'College Preparatory': null,
  'Community Service Program': null,
  'Community/Junior College Education Program': null,
  'Compensatory Services for Disadvantaged Students': null,
  'Counseling Services': null,
  'District-Funded GED': null,
  'Early Head Start': null,
  'Early Intervention Services Part C': null,
  'English as a Second Language (ESL)': 'emergent-bilingual',
  'Even Start': null,
  'Expelled Education': null,
  'Extended Day/Child Care Services': null,
  'Fee For Service': null,
  'Foreign Exchange': null,
  'Gifted and Talented': 'gifted-talented',
  'Head Start': null,
  'Health Services Program': null,
  'High School Equivalency Program (HSEP)': null,
  'Home Visiting': null,
  Homeless: 'homeless',
  IDEA: 'special-education',
  'Immigrant Education': 'immigrant',
  'Independent Study': null,
  'Indian Education': null,
  'International Baccalaureate': null,
  'Kindergarten - Extended Day': null,
  'Kindergarten - Full Day': null,
  'Kindergarten - Half Day': null,
  'Library/Media Services Program': null,
  'Magnet/Special Program Emphasis': null,
  'Migrant Education': 'migrant',
  'Neglected and Delinquent Program': 'neglected-delinquent',
  'Optional Flexible School Day Program (OFSDP)': null,
  Other: null,
  'Prekindergarten - Extended Day': null,
  'Prekindergarten - Full Day': null,
  'Prekindergarten - Half Day': null,
  'Preschool Special Education': 'special-education',
  'Public Preschool': null,
  'Regular Education': null,
  'Remedial Education': null,
  'Section 504 Placement': 'section-504',
  'Service Learning': null,
  'Special Education': 'special-education',
  'Student Retention/Dropout Prevention': 'at-risk',
  'Student School Food Service': 'food-service',
  'Substance Abuse Education/Prevention': null,
  Support: null,
  'Teacher Professional Development/Mentoring': null,
  'Technical Preparatory': 'cte',
  'Title I Part A': 'title-i',
  'Title I Part D Subpart 1': 'neglected-delinquent',
  'Title I Part D Subpart 2': 'neglected-delinquent',
  'Vocational Education': 'cte',
};
const EDFI_BY_FOLDED = new Map(Object.entries(EDFI_PROGRAM_TYPES).map(([k, v]) => [foldProgram(k), v]));

export type EdFiProgramLookup = { kind: 'tracked'; program: ProgramCode } | { kind: 'untracked' } | { kind: 'unknown' };

/**
 * An Ed-Fi program type code value (namespace already removed). Known Ed-Fi values are
 * matched exactly (case-insensitive); values from other namespaces (state or district
 * descriptors) go through the same spellings as SIS files.
 */
export function programFromEdFiProgramType(codeValue: string): EdFiProgramLookup {
  const folded = foldProgram(codeValue);
  if (EDFI_BY_FOLDED.has(folded)) {
    const program = EDFI_BY_FOLDED.get(folded)!;
    return program ? { kind: 'tracked', program } : { kind: 'untracked' };
  }
  const program = programFromText(codeValue);
  return program ? { kind: 'tracked', program } : { kind: 'unknown' };
}

/** Ed-Fi's program-specific association elements say which program they are by their name. */
const EDFI_ASSOCIATIONS: Record<string, ProgramCode> = {
  StudentSpecialEducationProgramAssociation: 'special-education',
  StudentSection504ProgramAssociation: 'section-504',
  StudentCTEProgramAssociation: 'cte',
  StudentHomelessProgramAssociation: 'homeless',
  StudentLanguageInstructionProgramAssociation: 'emergent-bilingual',
  StudentMigrantEducationProgramAssociation: 'migrant',
  StudentNeglectedOrDelinquentProgramAssociation: 'neglected-delinquent',
  StudentSchoolFoodServiceProgramAssociation: 'food-service',
  StudentTitleIPartAProgramAssociation: 'title-i',
};

export function programFromEdFiAssociation(elementName: string): ProgramCode | null {
  return EDFI_ASSOCIATIONS[elementName] ?? null;
}

/**
 * Programs an Ed-Fi StudentProgram interchange can express. A student's other programs
 * (dyslexia services, foster care, …) are outside what such a file says, so an Ed-Fi import
 * never ends them.
 */
export const EDFI_PROGRAMS: ReadonlySet<ProgramCode> = new Set<ProgramCode>([
  ...Object.values(EDFI_PROGRAM_TYPES).filter((p): p is ProgramCode => p !== null),
  ...Object.values(EDFI_ASSOCIATIONS),
]);
