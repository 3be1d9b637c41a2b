import { decodeText } from '../../text/decode';
import { parseCsvText, type CsvRow, type CsvTable } from '../../text/csv';
import { localIsoDate, type IsoDate } from '../../../../shared/domain/dates';
import { detectDateOrder, type DateOrder } from '../../../../shared/domain/roster/dates';
import { cleanValue } from '../../../../shared/domain/roster/cellText';
import {
  normalizeStudent,
  rejectDuplicateIds,
  type RawCell,
  type RawGuardianCells,
  type RawStudentCells,
} from '../../../../shared/domain/roster/normalizeStudent';
import { problem, quote } from '../../../../shared/domain/roster/problems';
import { say, type Said } from '../../../../shared/domain/roster/say';
import { PROGRAM_CODES } from '../../../../shared/domain/roster/programs';
import type { RosterCampus, RosterParseResult, RosterProblem, RosterStudent } from '../../../../shared/domain/roster/types';
import { fromCsvProblems } from '../common/table';
import { GUARDIAN_PARTS, GUARDIAN_SLOTS, headerNorm, type SisField, type SisMapping, type SisStudentField } from './fields';
import { knownHeaderCount } from './mapping';

/**
 * Any SIS CSV export, read through a column mapping. Values are normalized by the same
 * rules as OneRoster and Ed-Fi; every problem names the file, row, line and column.
 */

export interface SisParseOptions {
  /** Local calendar date for birth-date checks; defaults to today. */
  today?: IsoDate;
  /** Order of slashed birth dates; by default decided from the column's own values. */
  dateOrder?: DateOrder;
}

export interface SisTableRead {
  table: CsvTable | null;
  problems: RosterProblem[];
  /** Lines skipped above the header (report titles, print dates). */
  headerLine: number;
}

/** How many lines from the top are searched for the header row. */
const HEADER_SEARCH_LINES = 25;

/**
 * Reads the bytes of a SIS export into a table, finding the header row even when a report
 * title or print date sits above it. Encodings, delimiters, quoted line breaks and field
 * counts are handled by the shared CSV reader.
 */
export function readSisTable(bytes: Uint8Array, fileName: string): SisTableRead {
  const { text, encoding } = decodeText(bytes);
  const lines = text.split(/\r\n|\n|\r/, HEADER_SEARCH_LINES);
  let best = 0;
  let bestScore = -1;
  lines.forEach((line, i) => {
    // Whichever delimiter splits the line into the most recognisable headers.
    const score = Math.max(...[',', ';', '\t', '|'].map((d) => knownHeaderCount(line.split(d).map((h) => h.replace(/^"|"$/g, '').trim()))));
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  });
  const problems: RosterProblem[] = [];
  let body = text;
  let headerLine = 1;
  if (best > 0 && bestScore >= 2) {
    let offset = 0;
    for (let i = 0; i < best; i++) offset = text.indexOf('\n', offset) + 1 || text.indexOf('\r', offset) + 1;
    body = text.slice(offset);
    headerLine = best + 1;
    problems.push(
      problem(
        { fileName, row: null, line: headerLine, column: null },
        'warning',
        'header-not-first-line',
        say('header-not-first-line', { line: headerLine, count: best, skipped: quote(lines.slice(0, best).join(' / ')) }),
      ),
    );
  }
  const parsed = parseCsvText(body, fileName, encoding);
  const shift = headerLine - 1;
  if (shift && parsed.table) for (const r of parsed.table.rows) r.line += shift;
  for (const p of parsed.problems) if (shift && p.line != null) p.line += shift;
  problems.push(...fromCsvProblems(parsed.problems));
  return { table: parsed.table, problems, headerLine };
}

/** Rows that total or count the others, which some SIS report exports append. */
const SUMMARY = /^(grand\s+)?(total|totals|count|subtotal|sub-total|summary|record count|records)\b[:\s]*\d*/i;

export function parseSisCsv(table: CsvTable, mapping: SisMapping, options: SisParseOptions = {}): RosterParseResult {
  const today = options.today ?? localIsoDate(new Date());
  const fileName = table.fileName;
  const problems: RosterProblem[] = [];
  const fileError = (code: string, text: Said, column: string | null = null) => problems.push(problem({ fileName, row: null, column }, 'error', code, text));
  const result = (students: RosterStudent[], campuses: RosterCampus[]): RosterParseResult => ({ format: 'sis-csv', students, campuses, problems });

  // --- resolve the mapping against this file's headers (case and spacing may differ) ----
  const index = new Map<SisField, number>();
  const byNorm = new Map<string, number>();
  table.headers.forEach((h, i) => {
    if (!byNorm.has(headerNorm(h))) byNorm.set(headerNorm(h), i);
  });
  for (const [field, header] of Object.entries(mapping) as [SisField, string | undefined][]) {
    if (!header) continue;
    let i = table.headers.indexOf(header);
    if (i < 0) i = byNorm.get(headerNorm(header)) ?? -1;
    if (i < 0) fileError('mapping-column-missing', say('mapping-column-missing', { field, header: quote(header), found: table.headers.join(', ') }), header);
    else index.set(field, i);
  }
  if (!index.has('localId') && !index.has('stateId') && !mapping.localId && !mapping.stateId) {
    fileError('id-column-missing', say('id-column-missing', { found: table.headers.join(', ') }));
  }
  if (!index.has('fullName') && !(index.has('firstName') && index.has('lastName')) && !mapping.fullName && !(mapping.firstName && mapping.lastName)) {
    fileError('name-column-missing', say('name-column-missing'));
  }
  if (problems.length) return result([], []);

  const col = (field: SisField) => index.get(field) ?? -1;
  const header = (field: SisField) => table.headers[col(field)];
  // Column indexes resolved once, not per row (10,000-row files).
  const at = (i: number | undefined) => (row: CsvRow): RawCell | undefined => (i === undefined ? undefined : { value: row.values[i] ?? '', column: table.headers[i] });
  const read = Object.fromEntries(
    (['localId', 'stateId', 'firstName', 'middleName', 'lastName', 'fullName', 'preferredName', 'birthDate', 'gradeLevel', 'expectedGraduationYear', 'campusId', 'campusName', 'homeLanguage', 'familyLanguage', 'gender', 'hispanicOrLatino', 'race', 'programs'] as const).map((f) => [f, at(index.get(f))]),
  ) as Record<SisStudentField, (row: CsvRow) => RawCell | undefined>;
  const guardianReaders = GUARDIAN_SLOTS.map((slot) => ({
    slot,
    parts: GUARDIAN_PARTS.filter((part) => index.has(`guardian${slot}.${part}`)).map((part) => [part, at(index.get(`guardian${slot}.${part}`))] as const),
  })).filter((g) => g.parts.length > 0);

  // --- date order for the whole birth-date column --------------------------------------
  let dateOrder: DateOrder | undefined = options.dateOrder;
  if (!dateOrder && index.has('birthDate')) {
    const i = col('birthDate');
    const detected = detectDateOrder(table.rows.map((r) => r.values[i] ?? ''));
    dateOrder = detected.order;
    if (detected.evidence === 'dmy') {
      problems.push(
        problem(
          { fileName, row: null, column: header('birthDate') },
          'warning',
          'date-order-day-first',
          say('date-order-day-first', {
            column: quote(header('birthDate')),
            count: detected.dayFirstCount,
            total: detected.slashedCount,
            example: quote(detected.firstDayFirst?.value ?? ''),
            row: table.rows[detected.firstDayFirst?.index ?? 0]?.row ?? '',
          }),
        ),
      );
    } else if (detected.evidence === 'mixed') {
      problems.push(
        problem(
          { fileName, row: null, column: header('birthDate') },
          'warning',
          'date-order-mixed',
          say('date-order-mixed', { column: quote(header('birthDate')) }),
        ),
      );
    }
  }

  const programReaders = PROGRAM_CODES.filter((c) => index.has(`program:${c}`)).map((c) => [c, at(index.get(`program:${c}`))] as const);
  const mappedIndexes = [...index.values()];
  const mappedHeaderKeys = mappedIndexes.map((i) => headerNorm(table.headers[i]));

  // --- rows ----------------------------------------------------------------------------
  const students: RosterStudent[] = [];
  const campuses = new Map<string, RosterCampus>();
  for (const row of table.rows) {
    const here = (column: string | null) => ({ fileName, row: row.row, line: row.line, column });
    const firstCell = row.values.find((v) => v.trim() !== '');
    if (firstCell === undefined) continue;
    if (SUMMARY.test(firstCell.trim()) && (['firstName', 'lastName', 'fullName'] as const).every((f) => !cleanValue(read[f](row)?.value))) {
      problems.push(problem(here(null), 'warning', 'summary-row', say('summary-row', { row: row.row, value: quote(firstCell) })));
      continue;
    }
    // A repeated header row: every mapped cell spells its own column's header (cheap length test first).
    if (mappedIndexes.length >= 2 && mappedIndexes.every((i, k) => {
        const v = row.values[i] ?? '';
        // headerNorm only drops characters, except "#" → "number".
        return (v.length >= mappedHeaderKeys[k].length || v.includes('#')) && headerNorm(v) === mappedHeaderKeys[k];
      })) {
      problems.push(problem(here(null), 'warning', 'repeated-header', say('repeated-header', { row: row.row })));
      continue;
    }

    const guardians: RawGuardianCells[] = guardianReaders.map(({ slot, parts }) => {
      // The slot is the guardian's key on a later import of the same layout ("Guardian 2" columns).
      const g: RawGuardianCells = { sourceId: `guardian${slot}` };
      for (const [part, readPart] of parts) g[part] = readPart(row);
      return g;
    });

    const campusId = read.campusId(row);
    const campusName = read.campusName(row);
    const campusKey = campusId && campusId.value.trim() !== '' ? campusId : campusName;
    const cells: RawStudentCells = {
      localId: read.localId(row),
      stateId: read.stateId(row),
      firstName: read.firstName(row),
      middleName: read.middleName(row),
      lastName: read.lastName(row),
      fullName: read.fullName(row),
      preferredName: read.preferredName(row),
      birthDate: read.birthDate(row),
      gradeLevel: read.gradeLevel(row),
      expectedGraduationYear: read.expectedGraduationYear(row),
      campusSourceId: campusKey,
      homeLanguage: read.homeLanguage(row),
      familyLanguage: read.familyLanguage(row),
      gender: read.gender(row),
      hispanicOrLatino: read.hispanicOrLatino(row),
      race: read.race(row),
      programFlags: programReaders.map(([program, readFlag]) => ({ program, cell: readFlag(row)! })),
      programLists: index.has('programs') ? [read.programs(row)!] : [],
      guardians,
    };
    const n = normalizeStudent(cells, { fileName, row: row.row, line: row.line, today, dateOrder });
    problems.push(...n.problems);
    if (!n.value) continue;
    students.push(n.value);

    // Campuses: by school number when the file has one, else by name.
    const id = n.value.campusSourceId;
    if (id) {
      const name = campusId && campusKey === campusId ? (cleanValue(campusName?.value) ?? id) : id;
      const known = campuses.get(id);
      if (!known) {
        const campus: RosterCampus = { sourceId: id, name, origin: { fileName, row: row.row, line: row.line } };
        if (campusKey === campusName) campus.identifiedByName = true;
        campuses.set(id, campus);
      } else if (campusName && known.name !== name && cleanValue(campusName.value)) {
        problems.push(problem(here(campusName.column), 'warning', 'campus-name-conflict', say('campus-name-conflict', { id, name: quote(name), first: quote(known.name), row: known.origin!.row })));
      }
    }
  }

  const deduped = rejectDuplicateIds(students, {
    localId: index.has('localId') ? header('localId') : undefined,
    stateId: index.has('stateId') ? header('stateId') : undefined,
  });
  problems.push(...deduped.problems);
  if (table.rows.length === 0) problems.push(problem({ fileName, row: null, column: null }, 'error', 'no-students', say('no-students')));
  return result(deduped.students, [...campuses.values()]);
}

/** Bytes → table → records, for a file whose mapping is already known (e.g. saved by signature). */
export function parseSisCsvBytes(bytes: Uint8Array, fileName: string, mapping: SisMapping, options: SisParseOptions = {}): RosterParseResult {
  const read = readSisTable(bytes, fileName);
  if (!read.table) return { format: 'sis-csv', students: [], campuses: [], problems: read.problems };
  const parsed = parseSisCsv(read.table, mapping, options);
  return { ...parsed, problems: [...read.problems, ...parsed.problems] };
}
