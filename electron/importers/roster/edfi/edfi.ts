import { decodeText } from '../../text/decode';
import { localIsoDate, type IsoDate } from '../../../../shared/domain/dates';
import { GRADE_LEVELS, type GradeLevel } from '../../../../shared/domain/gradeLevels';
import { normalizeDate } from '../../../../shared/domain/roster/dates';
import { cleanId } from '../../../../shared/domain/roster/ids';
import { normalizeStudent, rejectDuplicateIds, type RawCell, type RawStudentCells } from '../../../../shared/domain/roster/normalizeStudent';
import { problem, quote } from '../../../../shared/domain/roster/problems';
import { say, type Said } from '../../../../shared/domain/roster/say';
import { cleanValue } from '../../../../shared/domain/roster/cellText';
import { programFromEdFiAssociation, programFromEdFiProgramType, programFromText, PROGRAM_CODES, sortPrograms, type ProgramCode } from '../../../../shared/domain/roster/programs';
import { readGradeLevel, readYesNo } from '../../../../shared/domain/roster/values';
import type { RosterCampus, RosterParseResult, RosterProblem, RosterProgramSpan, RosterStudent } from '../../../../shared/domain/roster/types';
import { baseName, readRosterFolder, unzipRosterFiles, type RosterFile, type RosterFileSet } from '../common/files';
import { child, children, descriptor, readXml, textAt, topLevel, type XmlDocument, type XmlElement } from './xml';

/**
 * Ed-Fi XML interchanges (Data Standard 2.x–5.x bulk files): students from the Student
 * interchange, program participation from StudentProgram, and schools (with the grades
 * they offer) from EducationOrganization. Files are recognised by their root element,
 * not their names; interchanges the roster does not use are skipped unread.
 *
 * Program flags mean *current* participation: an association whose EndDate has passed
 * (as of `asOf`, default today) or whose eligibility was denied stays in `programHistory`
 * but does not set the flag — a student who exited special education in 2021 is not
 * shown as receiving it now.
 */

export interface EdFiOptions {
  /** Local calendar date for birth-date checks; defaults to today. */
  today?: IsoDate;
  /** Date at which program participation counts as current; defaults to `today`. */
  asOf?: IsoDate;
}

const USED_ROOTS = new Set(['InterchangeStudent', 'InterchangeStudentProgram', 'InterchangeEducationOrganization']);

/** Root element name from the start of the file, so large unrelated interchanges are never parsed. */
export function sniffRoot(bytes: Uint8Array): string | null {
  const head = decodeText(bytes.subarray(0, 4096)).text;
  const m = /<(?:[\w.-]+:)?(Interchange\w+)[\s>/]/.exec(head.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->/g, ''));
  return m ? m[1] : null;
}

interface StudentRef {
  uniqueId: string | null;
  column: string;
}

function studentRef(el: XmlElement, idsByXmlId: Map<string, string>): StudentRef {
  const ref = child(el, 'StudentReference');
  const uniqueId = textAt(ref, 'StudentIdentity', 'StudentUniqueId') ?? textAt(ref, 'StudentUniqueId');
  if (uniqueId) return { uniqueId, column: 'StudentReference/StudentIdentity/StudentUniqueId' };
  const xmlRef = ref && typeof ref['@_ref'] === 'string' ? ref['@_ref'] : null;
  return { uniqueId: xmlRef ? (idsByXmlId.get(xmlRef) ?? null) : null, column: 'StudentReference' };
}

export function parseEdFi(set: RosterFileSet, options: EdFiOptions = {}): RosterParseResult {
  const today = options.today ?? localIsoDate(new Date());
  const asOf = options.asOf ?? today;
  const problems: RosterProblem[] = [...set.problems];
  const fileLevel = (fileName: string, severity: 'error' | 'warning', code: string, text: Said, line: number | null = null) =>
    problems.push(problem({ fileName, row: null, line, column: null }, severity, code, text));

  // --- read the interchanges we use ------------------------------------------------------
  const docs: XmlDocument[] = [];
  for (const file of set.files) {
    if (!/\.xml$/i.test(file.name)) continue;
    const sniffed = sniffRoot(file.bytes);
    if (sniffed && !USED_ROOTS.has(sniffed)) continue;
    const read = readXml(file);
    problems.push(...read.problems);
    if (!read.doc) continue;
    if (!USED_ROOTS.has(read.doc.rootName)) {
      fileLevel(file.name, 'warning', 'edfi-file-ignored', say('edfi-file-ignored', { file: baseName(file.name), root: read.doc.rootName }));
      continue;
    }
    docs.push(read.doc);
  }
  const versions = [...new Set(docs.map((d) => /ed-fi\.org\/(.+)$/.exec(d.namespace ?? '')?.[1]).filter((v): v is string => !!v))];
  if (versions.length > 1) fileLevel(set.sourceName, 'warning', 'edfi-mixed-versions', say('edfi-mixed-versions', { versions: versions.join(', ') }));
  const result = (students: RosterStudent[], campuses: RosterCampus[]): RosterParseResult => ({
    format: 'edfi',
    ...(versions.length ? { version: versions[0] } : {}),
    students,
    campuses,
    problems,
  });

  const studentDocs = docs.filter((d) => d.rootName === 'InterchangeStudent');
  if (studentDocs.length === 0) {
    if (!problems.some((p) => p.severity === 'error')) {
      fileLevel(set.sourceName, 'error', 'edfi-students-missing', say('edfi-students-missing'));
    }
    return result([], []);
  }

  // --- students -------------------------------------------------------------------------
  const students: RosterStudent[] = [];
  const idsByXmlId = new Map<string, string>();
  for (const doc of studentDocs) {
    let ordinal = 0;
    for (const { name, element } of topLevel(doc)) {
      if (name !== 'Student') continue;
      ordinal++;
      const line = doc.lineOf(element);
      const cell = (value: string | null, column: string): RawCell | undefined => (value === null ? undefined : { value, column });
      const uniqueId = textAt(element, 'StudentUniqueId');
      if (uniqueId && typeof element['@_id'] === 'string') idsByXmlId.set(element['@_id'], uniqueId);
      const sex = descriptor(children(child(element, 'BirthData') ?? {}, 'BirthSex')[0] ?? children(element, 'Sex')[0] ?? children(element, 'BirthSex')[0]);
      const cells: RawStudentCells = {
        localId: { value: uniqueId ?? '', column: 'StudentUniqueId' },
        firstName: { value: textAt(element, 'Name', 'FirstName') ?? '', column: 'Name/FirstName' },
        middleName: cell(textAt(element, 'Name', 'MiddleName'), 'Name/MiddleName'),
        lastName: { value: textAt(element, 'Name', 'LastSurname') ?? '', column: 'Name/LastSurname' },
        preferredName: cell(textAt(element, 'Name', 'PreferredFirstName'), 'Name/PreferredFirstName'),
        preferredLastName: cell(textAt(element, 'Name', 'PreferredLastSurname'), 'Name/PreferredLastSurname'),
        suffix: cell(textAt(element, 'Name', 'GenerationCodeSuffix'), 'Name/GenerationCodeSuffix'),
        birthDate: cell(textAt(element, 'BirthData', 'BirthDate') ?? textAt(element, 'BirthDate'), 'BirthData/BirthDate'),
        gender: sex ? { value: sex.codeValue, column: 'BirthData/BirthSex' } : undefined,
        hispanicOrLatino: cell(textAt(element, 'HispanicLatinoEthnicity'), 'HispanicLatinoEthnicity'),
      };
      const n = normalizeStudent(cells, { fileName: doc.fileName, row: ordinal, line, today });
      for (const p of n.problems) {
        // The Student interchange never carries a grade; say where it would come from.
        if (p.code === 'grade-missing') {
          p.message = say('grade-missing~edfi').message;
          p.template = 'grade-missing~edfi';
        }
        problems.push(p);
      }
      if (!n.value) continue;
      for (const key of ['preferredLastName', 'suffix'] as const) if (n.value[key] == null) delete n.value[key];
      n.value.programHistory = [];
      students.push(n.value);
    }
  }
  const deduped = rejectDuplicateIds(students, { localId: 'StudentUniqueId' });
  problems.push(...deduped.problems);
  const byUniqueId = new Map(deduped.students.map((s) => [s.localId!, s]));
  // Every ID in the Student file, including records rejected above (already reported).
  const knownIds = new Set<string>();
  for (const doc of studentDocs) {
    for (const { name, element } of topLevel(doc)) {
      const id = name === 'Student' ? cleanId(textAt(element, 'StudentUniqueId')).value : null;
      if (id) knownIds.add(id);
    }
  }

  // --- program associations -------------------------------------------------------------
  const untracked = new Map<string, { fileName: string; count: number }>();
  const unknown = new Map<string, { fileName: string; count: number; row: number; line: number | null }>();
  for (const doc of docs.filter((d) => d.rootName === 'InterchangeStudentProgram')) {
    for (const { name, element, index } of topLevel(doc)) {
      if (!name.endsWith('ProgramAssociation')) continue;
      const line = doc.lineOf(element);
      const at = (column: string | null) => ({ fileName: doc.fileName, row: index, line, column });
      const ref = studentRef(element, idsByXmlId);
      const uniqueId = cleanId(ref.uniqueId).value;
      const student = uniqueId ? byUniqueId.get(uniqueId) : undefined;
      if (!student) {
        if (!uniqueId) problems.push(problem(at(ref.column), 'error', 'program-student-missing', say('program-student-missing', { element: name })));
        else if (!knownIds.has(uniqueId)) {
          problems.push(problem(at(ref.column), 'warning', 'program-student-unknown', say('program-student-unknown', { id: uniqueId, element: name })));
        }
        continue;
      }

      const identity = child(child(element, 'ProgramReference'), 'ProgramIdentity') ?? child(element, 'ProgramReference');
      const typeDescriptor = descriptor(children(identity ?? {}, 'ProgramType')[0] ?? children(identity ?? {}, 'ProgramTypeDescriptor')[0]);
      const programName = textAt(identity, 'ProgramName');
      const byElement = programFromEdFiAssociation(name);
      const byType = typeDescriptor ? programFromEdFiProgramType(typeDescriptor.codeValue) : null;
      let program: ProgramCode | null = byElement;
      if (byElement && byType?.kind === 'tracked' && byType.program !== byElement) {
        problems.push(
          problem(at('ProgramReference/ProgramIdentity/ProgramType'), 'warning', 'program-conflict', say('program-conflict', { element: name, value: quote(typeDescriptor!.codeValue), program: byElement })),
        );
      }
      if (!program && byType?.kind === 'tracked') program = byType.program;
      if (!program && byType?.kind !== 'untracked' && programName) program = programFromText(programName);
      if (!program) {
        const label = typeDescriptor?.codeValue ?? programName ?? name;
        if (byType?.kind === 'untracked') {
          const u = untracked.get(label) ?? { fileName: doc.fileName, count: 0 };
          u.count++;
          untracked.set(label, u);
        } else {
          const u = unknown.get(label) ?? { fileName: doc.fileName, count: 0, row: index, line };
          u.count++;
          unknown.set(label, u);
        }
        continue;
      }

      const begin = normalizeDate(textAt(element, 'BeginDate'), { today });
      if (begin.problem) problems.push(problem(at('BeginDate'), begin.problem.severity, begin.problem.code, begin.problem));
      const end = normalizeDate(textAt(element, 'EndDate'), { today });
      if (end.problem) problems.push(problem(at('EndDate'), end.problem.severity, end.problem.code, end.problem));
      // Eligibility explicitly denied (Section504Eligibility / IdeaEligibility = false) is not participation.
      const eligibility = textAt(element, 'Section504Eligibility') ?? textAt(element, 'IdeaEligibility');
      const denied = eligibility !== null && readYesNo(eligibility.replace(/^true$/i, '1').replace(/^false$/i, '0')).value === false;
      const current = !denied && (end.date === null || end.date >= asOf) && (begin.date === null || begin.date <= asOf);
      student.programHistory!.push({ program, beginDate: begin.date, endDate: end.date, current });
    }
  }
  for (const [label, u] of untracked) {
    fileLevel(u.fileName, 'warning', 'program-not-tracked', say('program-not-tracked', { count: u.count, value: quote(label) }));
  }
  for (const [label, u] of unknown) {
    problems.push(
      problem(
        { fileName: u.fileName, row: u.row, line: u.line, column: 'ProgramReference/ProgramIdentity/ProgramType' },
        'warning',
        'program-unrecognised',
        say('program-unrecognised~edfi', { count: u.count, value: quote(label) }),
      ),
    );
  }
  const order = (p: ProgramCode) => PROGRAM_CODES.indexOf(p);
  for (const s of deduped.students) {
    s.programHistory!.sort((a: RosterProgramSpan, b: RosterProgramSpan) => order(a.program) - order(b.program) || (a.beginDate ?? '').localeCompare(b.beginDate ?? ''));
    s.programs = sortPrograms(s.programHistory!.filter((h) => h.current).map((h) => h.program));
  }

  // --- schools → campuses ---------------------------------------------------------------
  const campuses: RosterCampus[] = [];
  const edorgDocs = docs.filter((d) => d.rootName === 'InterchangeEducationOrganization');
  if (edorgDocs.length === 0) {
    fileLevel(set.sourceName, 'warning', 'edfi-campuses-missing', say('edfi-campuses-missing'));
  }
  for (const doc of edorgDocs) {
    let ordinal = 0;
    for (const { name, element } of topLevel(doc)) {
      if (name !== 'School') continue;
      ordinal++;
      const line = doc.lineOf(element);
      const at = (column: string | null) => ({ fileName: doc.fileName, row: ordinal, line, column });
      const id = cleanValue(textAt(element, 'SchoolId'));
      const schoolName = cleanValue(textAt(element, 'NameOfInstitution'));
      if (!id) {
        problems.push(problem(at('SchoolId'), 'error', 'source-id-missing', say('source-id-missing~school')));
        continue;
      }
      if (!schoolName) {
        problems.push(problem(at('NameOfInstitution'), 'error', 'campus-name-missing', say('campus-name-missing~edfi', { id })));
        continue;
      }
      if (campuses.some((c) => c.sourceId === id)) {
        problems.push(problem(at('SchoolId'), 'error', 'id-duplicate', say('id-duplicate~school', { id })));
        continue;
      }
      const grades = new Set<GradeLevel>();
      for (const g of children(element, 'GradeLevel')) {
        const d = descriptor(g);
        if (!d) continue;
        const level = readGradeLevel(d.codeValue);
        if (level.value) grades.add(level.value);
        else problems.push(problem(at('GradeLevel'), 'warning', 'grade-unrecognised', say('grade-unrecognised~school', { school: schoolName, value: quote(d.codeValue) })));
      }
      const campus: RosterCampus = { sourceId: id, name: schoolName, origin: { fileName: doc.fileName, row: ordinal, line } };
      if (grades.size) campus.gradeLevels = GRADE_LEVELS.filter((g) => grades.has(g));
      campuses.push(campus);
    }
  }
  if (deduped.students.length > 0) {
    fileLevel(
      studentDocs[0].fileName,
      'warning',
      'edfi-campus-not-linked',
      say('edfi-campus-not-linked'),
    );
  }
  return result(deduped.students, campuses);
}

/** Ed-Fi files chosen one by one (Student.xml, StudentProgram.xml, EducationOrganization.xml). */
export function parseEdFiFiles(files: RosterFile[], options: EdFiOptions = {}): RosterParseResult {
  return parseEdFi({ sourceName: files.length === 1 ? files[0].name : 'Ed-Fi files', files, problems: [] }, options);
}

export async function parseEdFiFolder(dir: string, options: EdFiOptions = {}): Promise<RosterParseResult> {
  return parseEdFi(await readRosterFolder(dir), options);
}

export function parseEdFiZip(bytes: Uint8Array, zipName: string, options: EdFiOptions = {}): RosterParseResult {
  return parseEdFi(unzipRosterFiles(bytes, zipName), options);
}
