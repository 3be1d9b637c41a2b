import type { ImportProblem } from '../../../../shared/ipc/contract/imports';
import { normalizeGradeLevel } from '../../../../shared/domain/gradeLevels';
import { cleanId } from '../../../../shared/domain/roster/ids';
import { scaleFor } from '../../../../shared/domain/scores/reference';
import { emptyScore, type ParsedScoreRow, type Percentile, type ScoreValue, type TestFamily } from '../../../../shared/domain/scores/types';
import { child, children, descriptor, readXml, textAt, textOf, topLevel } from '../../roster/edfi/xml';
import { sniffRoot } from '../../roster/edfi/edfi';
import { readNumber, readTestDate } from '../common/values';
import type { ParseOptions, ScoreFile, ScoreImportNote, ScoreParseResult } from '../types';

/**
 * Ed-Fi StudentAssessment interchanges (Data Standard 3–5 XML). Each <StudentAssessment>
 * is one assessment for one student; SAT and ACT sections of the same sitting (SAT Critical
 * Reading, SAT Mathematics, …) are grouped into one result. An AssessmentMetadata
 * interchange chosen with it supplies titles, subjects and score ranges; without it the
 * assessment identifier is read. The performance level is kept in the file's words.
 */

export function isStudentAssessmentXml(bytes: Uint8Array): boolean {
  return sniffRoot(bytes) === 'InterchangeStudentAssessment';
}

export function isAssessmentMetadataXml(bytes: Uint8Array): boolean {
  return sniffRoot(bytes) === 'InterchangeAssessmentMetadata';
}

interface AssessmentInfo {
  title: string | null;
  subject: string | null;
  category: string | null;
  /** Score ranges by reporting method. */
  ranges: Map<string, { min: number; max: number }>;
}

function readMetadata(file: ScoreFile, problems: ImportProblem[]): Map<string, AssessmentInfo> {
  const out = new Map<string, AssessmentInfo>();
  const { doc, problems: p } = readXml(file);
  problems.push(...p);
  if (!doc) return out;
  for (const { name, element } of topLevel(doc)) {
    if (name !== 'Assessment') continue;
    const id = textAt(element, 'AssessmentIdentifier');
    if (!id) continue;
    const ranges = new Map<string, { min: number; max: number }>();
    for (const s of children(element, 'AssessmentScore')) {
      if (typeof s !== 'object') continue;
      const method = descriptor(children(s, 'AssessmentReportingMethod')[0])?.codeValue;
      const min = Number(textAt(s, 'MinimumScore'));
      const max = Number(textAt(s, 'MaximumScore'));
      if (method && Number.isFinite(min) && Number.isFinite(max)) ranges.set(method.toLowerCase(), { min, max });
    }
    out.set(id, {
      title: textAt(element, 'AssessmentTitle'),
      subject: descriptor(children(element, 'AcademicSubject')[0])?.codeValue ?? null,
      category: descriptor(children(element, 'AssessmentCategory')[0])?.codeValue ?? null,
      ranges,
    });
  }
  return out;
}

function familyOf(identifier: string, info: AssessmentInfo | undefined): TestFamily {
  const text = `${info?.title ?? ''} ${identifier}`.toUpperCase();
  if (/\bPSAT\b/.test(text)) return /NMSQT/.test(text) ? 'PSAT_NMSQT' : /8\/9/.test(text) ? 'PSAT_89' : 'PSAT_10';
  if (/\bSAT\b/.test(text)) return 'SAT';
  if (/\bPREACT\b/.test(text)) return 'PREACT';
  if (/\bACT\b/.test(text)) return 'ACT';
  return 'STATE';
}

function sectionOf(family: TestFamily, identifier: string, subject: string | null): string | null {
  const t = `${identifier} ${subject ?? ''}`.toLowerCase();
  if (family === 'SAT' || family.startsWith('PSAT')) {
    if (/math/.test(t)) return 'math';
    if (/total/.test(t)) return 'total';
    if (/writing/.test(t) && !/reading/.test(t)) return 'essay';
    if (/reading/.test(t)) return 'rw';
    return null;
  }
  if (family === 'ACT' || family === 'PREACT') {
    if (/composite/.test(t)) return 'composite';
    if (/english/.test(t)) return 'english';
    if (/math/.test(t)) return 'math';
    if (/reading/.test(t)) return 'reading';
    if (/science/.test(t)) return 'science';
    if (/writing/.test(t)) return 'writing';
    if (/stem/.test(t)) return 'stem';
    return null;
  }
  return 'scale';
}

interface Group {
  parsed: ParsedScoreRow;
  sections: Set<string>;
  raw: Record<string, string>;
}

export function parseStudentAssessments(files: ScoreFile[], options: ParseOptions): ScoreParseResult {
  const problems: ImportProblem[] = [];
  const notes: ScoreImportNote[] = [];
  const metadata = new Map<string, AssessmentInfo>();
  for (const f of files) if (isAssessmentMetadataXml(f.bytes)) for (const [k, v] of readMetadata(f, problems)) metadata.set(k, v);
  const groups = new Map<string, Group>();
  const rows: ParsedScoreRow[] = [];
  let records = 0;
  let rawAsScale = 0;

  for (const file of files) {
    if (!isStudentAssessmentXml(file.bytes)) continue;
    const { doc, problems: p } = readXml(file);
    problems.push(...p);
    if (!doc) continue;
    for (const { name, element, index } of topLevel(doc)) {
      if (name !== 'StudentAssessment') continue;
      records++;
      const line = doc.lineOf(element);
      const add = (column: string | null, severity: ImportProblem['severity'], code: string, message: string) => problems.push({ fileName: file.name, row: index, line, column, severity, code, message });
      const ref = child(element, 'StudentReference');
      const idText = textAt(ref, 'StudentIdentity', 'StudentUniqueId') ?? textAt(ref, 'StudentUniqueId');
      const id = cleanId(idText);
      if (id.issue) add('StudentReference/StudentIdentity/StudentUniqueId', 'error', id.issue.code, id.issue.message);
      if (!id.value) {
        if (!id.issue) add('StudentReference', 'error', 'student-id-missing', 'This StudentAssessment names no StudentUniqueId, so it cannot be matched to a student.');
        continue;
      }
      const aref = child(element, 'AssessmentReference');
      const identifier = textAt(aref, 'AssessmentIdentity', 'AssessmentIdentifier') ?? textAt(aref, 'AssessmentIdentifier');
      if (!identifier) {
        add('AssessmentReference', 'error', 'assessment-missing', 'This StudentAssessment names no AssessmentIdentifier.');
        continue;
      }
      const info = metadata.get(identifier);
      const family = familyOf(identifier, info);
      const section = sectionOf(family, identifier, info?.subject ?? null);
      if (!section) {
        add('AssessmentReference/AssessmentIdentity/AssessmentIdentifier', 'warning', 'assessment-section-unknown', `"${identifier}" is a ${family} assessment Waypoint cannot place on a section; it was skipped.`);
        continue;
      }
      const dateRead = readTestDate(textAt(element, 'AdministrationDate'), { today: options.today });
      if (!dateRead.date) {
        add('AdministrationDate', 'error', dateRead.problem?.code ?? 'date-missing', dateRead.problem?.message ?? 'This StudentAssessment has no AdministrationDate.');
        continue;
      }
      const value: ScoreValue = emptyScore(section, family === 'STATE' ? { label: info?.subject ?? identifier } : {});
      const extra: ScoreValue[] = [];
      const percentiles: Percentile[] = [];
      for (const sr of children(element, 'ScoreResult')) {
        if (typeof sr !== 'object') continue;
        const method = descriptor(children(sr, 'AssessmentReportingMethod')[0])?.codeValue ?? '';
        const resultText = textOf(children(sr, 'Result')[0]);
        const num = readNumber(resultText);
        const m = method.toLowerCase();
        if (!num.ok) {
          if (m.includes('lexile') && resultText) extra.push(emptyScore('lexile', { text: resultText }));
          else add(`ScoreResult[${method}]/Result`, 'error', 'score-not-a-number', `${identifier}: ${method} "${resultText}" is not a number.`);
          continue;
        }
        if (num.value === null) continue;
        const v = num.value;
        const range = info?.ranges.get(m);
        if (range && (v < range.min || v > range.max)) {
          add(`ScoreResult[${method}]/Result`, 'error', 'score-out-of-range', `${identifier}: ${method} ${v} is outside ${range.min}–${range.max} (the assessment's own range).`);
          continue;
        }
        if (m.includes('percentile')) {
          if (v < 1 || v > 100) add(`ScoreResult[${method}]/Result`, 'error', 'score-out-of-range', `${identifier}: ${method} ${v} is not a percentile (1–99).`);
          else percentiles.push({ norm: m.includes('state') ? 'college-bound-state' : m.includes('college-bound') || m.includes('national') ? 'college-bound-national' : 'unspecified', value: v });
        } else if (m === 'scale score' || m === 'composite score' || m === 'vertical score') {
          value.scale = v;
        } else if (m === 'raw score') {
          value.raw = v;
        } else if (m.includes('lexile')) {
          extra.push(emptyScore('lexile', { text: `${v}L` }));
        } else if (m.includes('quantile')) {
          extra.push(emptyScore('quantile', { text: `${v}Q` }));
        }
      }
      value.percentiles = percentiles;
      // Ed-Fi samples often report SAT/ACT section scores as "Raw score": on the section's own scale, that is the scale score.
      if (value.scale === null && value.raw !== null && family !== 'STATE') {
        const sc = scaleFor(family, section);
        if (!sc || (value.raw >= sc.min && value.raw <= sc.max)) {
          value.scale = value.raw;
          value.raw = null;
          rawAsScale++;
        }
      }
      if (value.scale !== null && family !== 'STATE') {
        const sc = scaleFor(family, section);
        if (sc && !sc.uncertain && (value.scale < sc.min || value.scale > sc.max)) {
          add('ScoreResult/Result', 'error', 'score-out-of-range', `${identifier}: ${value.scale} is outside the ${family} ${section} range ${sc.min}–${sc.max} (${sc.source}).`);
          continue;
        }
      }
      const pl = child(element, 'PerformanceLevel');
      const levelText = pl ? descriptor(children(pl, 'PerformanceLevel')[0])?.codeValue ?? null : null;
      if (levelText) {
        value.level = levelText;
        if (family === 'STATE') value.levelCode = 'other';
        else value.benchmarkMet = /^met|^meets|^exceed/i.test(levelText) ? true : /not/i.test(levelText) ? false : null;
      }
      // Objective assessments (state tests): reporting-category raw scores and levels.
      for (const [k, oa] of children(element, 'StudentObjectiveAssessment').entries()) {
        if (typeof oa !== 'object') continue;
        const code = textAt(child(oa, 'ObjectiveAssessmentReference'), 'ObjectiveAssessmentIdentity', 'IdentificationCode') ?? `objective ${k + 1}`;
        const sr = child(oa, 'ScoreResult');
        const num = readNumber(textAt(sr, 'Result'));
        const opl = child(oa, 'PerformanceLevel');
        const olevel = opl ? descriptor(children(opl, 'PerformanceLevel')[0])?.codeValue ?? null : null;
        if ((num.ok && num.value !== null) || olevel) extra.push(emptyScore(`objective:${k + 1}`, { label: code, raw: num.ok ? num.value : null, level: olevel, levelCode: olevel ? 'other' : null }));
      }
      const grade = normalizeGradeLevel(textAt(element, 'WhenAssessedGradeLevel'));
      const subject = family === 'STATE' ? identifier : null;
      const key = `${id.value}|${family}|${subject ?? ''}|${dateRead.date}`;
      const summary = {
        StudentAssessmentIdentifier: textAt(element, 'StudentAssessmentIdentifier') ?? '',
        AssessmentIdentifier: identifier,
        AdministrationDate: textAt(element, 'AdministrationDate') ?? '',
        ScoreResults: children(element, 'ScoreResult').map((sr) => (typeof sr === 'object' ? `${descriptor(children(sr, 'AssessmentReportingMethod')[0])?.codeValue}=${textAt(sr, 'Result')}` : '')).join('; '),
        ...(levelText ? { PerformanceLevel: levelText } : {}),
      };
      let g = groups.get(key);
      if (!g) {
        g = {
          parsed: {
            result: { family, form: family === 'STATE' ? (info?.title ?? null) : null, subject, administrationDate: dateRead.date, datePrecision: 'day', administrationLabel: textAt(element, 'SchoolYear'), gradeAtTesting: grade, scores: [], flags: family === 'SAT' && dateRead.date < '2016-03-01' ? ['sat-date-before-redesign'] : [] },
            origin: { fileName: file.name, row: index, line },
            student: { localId: id.value, stateId: null, localColumn: 'StudentUniqueId', stateColumn: null, name: null },
            raw: '',
          },
          sections: new Set(),
          raw: {},
        };
        groups.set(key, g);
        rows.push(g.parsed);
      }
      if (g.sections.has(section)) {
        add('AssessmentReference', 'error', 'duplicate-result', `Student ${id.value} has two "${identifier}" results on ${dateRead.date} (elements ${g.parsed.origin.row} and ${index}).`);
        continue;
      }
      g.sections.add(section);
      g.parsed.result.scores.push(value, ...extra.filter((e) => !g!.sections.has(e.section)));
      for (const e of extra) g.sections.add(e.section);
      g.raw[identifier] = JSON.stringify(summary);
    }
  }
  for (const g of groups.values()) g.parsed.raw = JSON.stringify(g.raw);
  if (rawAsScale > 0) notes.push({ code: 'edfi-raw-as-scale', message: `${rawAsScale} SAT/ACT section scores are labelled "Raw score" but lie on the section's own scale (e.g. 200–800), so they were read as section scores.` });
  if (!files.some((f) => isStudentAssessmentXml(f.bytes))) {
    problems.push({ fileName: files[0]?.name ?? '', row: null, column: null, severity: 'error', code: 'edfi-no-student-assessment', message: 'No Ed-Fi StudentAssessment interchange (root <InterchangeStudentAssessment>) was chosen; an AssessmentMetadata file alone holds no results.' });
  }
  return { format: 'edfi', families: [...new Set(rows.map((r) => r.result.family))], rows, problems, notes, ignoredColumns: [], sourceRecords: records };
}
