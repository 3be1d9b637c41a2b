import { AP_EXAMS } from '../../../../shared/domain/scores/reference';
import { emptyScore } from '../../../../shared/domain/scores/types';
import { ScoreRows, TableReader, type ScoreTable } from '../common/table';
import { apGrade } from '../common/values';
import type { ParseOptions, ScoreParseSummary, ScoreRowSink } from '../types';

/**
 * College Board AP student data file: one row per student with up to 30 exam slots
 * (Admin Year NN, Exam Code NN, Exam Grade NN, two irregularity codes). Each exam becomes
 * its own result, dated May of its administration year (AP exams are given in May; the
 * file names only the year, so the date is month-precise). A slot with an exam code but no
 * score (withheld, irregularity) is kept and shown as "no score", never as 0.
 */

export function looksLikeAp(headers: string[]): boolean {
  const h = new Set(headers.map((x) => x.toLowerCase()));
  return h.has('exam code 01') && h.has('exam grade 01') && (h.has('ap number / ap id') || h.has('admin year 01'));
}

export function apExamName(code: string): string | null {
  return AP_EXAMS[String(Number(code))]?.en ?? null;
}

export function parseAp(table: ScoreTable, options: ParseOptions, emit: ScoreRowSink): ScoreParseSummary {
  const reader = new TableReader(table, options.today);
  const localCol = reader.col('Student Identifier');
  reader.col('AP Number / AP ID');
  const firstCol = reader.col('First Name');
  const lastCol = reader.col('Last Name');
  const gradeCol = reader.col('Grade Level');
  const reportCol = reader.col('Date of this report');
  const rows = new ScoreRows(emit);
  const thisYear = Number(options.today.slice(0, 4));
  table.eachRow((row) => {
    const localId = reader.id(row, localCol);
    const name = [reader.text(row, firstCol), reader.text(row, lastCol)].filter(Boolean).join(' ') || null;
    const raw = reader.raw(row);
    const currentGrade = apGrade(reader.cell(row, gradeCol));
    // "70124" = 7/01/24 (M DD YY, no leading zero): the year of the report.
    const reportYear = /(\d{2})$/.exec(reader.cell(row, reportCol).trim())?.[1] ?? null;
    for (let slot = 1; slot <= 30; slot++) {
      const nn = String(slot).padStart(2, '0');
      const yearCol = reader.col(`Admin Year ${nn}`);
      const codeCol = reader.col(`Exam Code ${nn}`);
      const gradeColN = reader.col(`Exam Grade ${nn}`);
      const irr1 = reader.col(`Irregularity Code #1 ${nn}`);
      const irr2 = reader.col(`Irregularity Code #2 ${nn}`);
      reader.col(`Class Section Code ${nn}`);
      const code = reader.text(row, codeCol);
      if (code === null) continue;
      const yy = reader.text(row, yearCol);
      if (yy === null || !/^\d{2}$/.test(yy)) {
        reader.problem(row, yearCol >= 0 ? yearCol : `Admin Year ${nn}`, 'error', 'ap-year-invalid', `Exam slot ${nn} (code ${code}) has ${yy === null ? 'no administration year' : `the administration year "${yy}"`}; expected two digits such as 24.`);
        continue;
      }
      let year = 2000 + Number(yy);
      if (year > thisYear) year -= 100;
      const date = `${year}-05-01`;
      if (date > options.today) {
        reader.problem(row, yearCol, 'error', 'date-in-future', `Exam slot ${nn}: the May ${year} administration has not happened yet.`);
        continue;
      }
      if (!/^\d{1,3}$/.test(code)) {
        reader.problem(row, codeCol, 'warning', 'ap-code-unknown', `Exam slot ${nn}: "${code}" is not an AP exam code; it was imported as written.`);
      }
      const examName = apExamName(code);
      if (!examName && /^\d{1,3}$/.test(code)) {
        reader.problem(row, codeCol, 'warning', 'ap-code-unknown', `Exam slot ${nn}: AP exam code ${code} is not in Waypoint's list of AP exams; it was imported as "AP exam (code ${code})".`);
      }
      const score = reader.number(row, gradeColN, { integer: true, range: ['AP', 'exam'], what: `Exam Grade ${nn}` });
      const flags: string[] = [];
      for (const c of [irr1, irr2]) {
        const v = reader.text(row, c);
        if (v !== null) flags.push(`ap-irregularity:${v}`);
      }
      if (score === null && (reader.cell(row, gradeColN).trim() === '' || /^-+$/.test(reader.cell(row, gradeColN).trim()))) flags.push('score-withheld');
      let gradeAtTesting = null;
      if (currentGrade && reportYear !== null && Number(reportYear) === Number(yy)) gradeAtTesting = currentGrade;
      rows.push({
        result: {
          family: 'AP',
          form: null,
          subject: /^\d+$/.test(code) ? String(Number(code)) : code,
          administrationDate: date,
          datePrecision: 'month',
          administrationLabel: `May ${year}`,
          gradeAtTesting,
          scores: [emptyScore('exam', { scale: score, label: examName ?? `AP exam (code ${code})` })],
          flags,
        },
        origin: { fileName: table.fileName, row: row.row, line: row.line },
        student: { localId, stateId: null, localColumn: localCol >= 0 ? reader.header(localCol) : null, stateColumn: null, name },
        raw,
      });
    }
  });
  return { format: 'ap', families: rows.length ? ['AP'] : [], results: rows.length, problems: reader.problems, notes: [], ignoredColumns: reader.ignoredColumns(), sourceRecords: table.rowCount };
}
