import type { RawDatabase } from '../../vault/database';
import type { ExamScore, ExamScoreFacts } from '../../../shared/domain/graduation/examAcknowledgments';
import { AP_EXAMS } from '../../../shared/domain/scores/reference';
import type { TestFamily } from '../../../shared/domain/scores/types';
import { decodeScores } from '../scores/store';

const FAMILIES: TestFamily[] = ['AP', 'IB', 'SAT', 'SAT_LEGACY', 'ACT', 'PSAT_NMSQT'];

/**
 * The read seam between test results and the graduation audit: the exam facts the
 * performance acknowledgments need, read from `test_results` (scores' table, decoded with
 * scores' own codec), so the audit itself stays pure. A withheld or irregular score and an
 * AP subscore never count; an SAT from before the March 2016 redesign is passed on as
 * "legacy" for the counselor to judge (another scale).
 */
export function examScoreFacts(db: RawDatabase, studentId: number): ExamScoreFacts {
  const rows = db
    .prepare(`SELECT family, subject, administration_date, flags, scores FROM test_results WHERE student_id = ? AND family IN (${FAMILIES.map(() => '?').join(',')}) ORDER BY administration_date, id`)
    .all(studentId, ...FAMILIES) as { family: TestFamily; subject: string | null; administration_date: string; flags: string; scores: string }[];
  const facts: ExamScoreFacts = { ap: [], ib: [], sat: [], act: [], psatNmsqt: [], legacySat: [] };
  for (const r of rows) {
    const flags = JSON.parse(r.flags) as string[];
    if (flags.some((f) => f === 'score-withheld' || f.startsWith('ap-irregularity:'))) continue;
    const sections = decodeScores(r.scores);
    const scale = (section: string) => sections.find((s) => s.section === section)?.scale ?? null;
    const push = (list: ExamScore[], score: number | null, subject: string | null, label: ExamScore['label']) => {
      if (score !== null) list.push({ subject, label, score, date: r.administration_date });
    };
    switch (r.family) {
      case 'AP': {
        const exam = r.subject ? AP_EXAMS[r.subject] : undefined;
        if (exam && /subscore/i.test(exam.en)) break;
        // An exam code the reference list lacks keeps the file's own name for it.
        const named = sections.find((s) => s.section === 'exam')?.label ?? null;
        push(facts.ap, scale('exam'), r.subject, exam ? { en: exam.en, es: exam.es } : named ? { en: named, es: named } : null);
        break;
      }
      case 'IB':
        if (r.subject !== 'diploma') push(facts.ib, scale('grade'), r.subject, r.subject ? { en: r.subject, es: r.subject } : null);
        break;
      case 'SAT':
        if (flags.includes('sat-date-before-redesign')) facts.legacySat.push(r.administration_date);
        else push(facts.sat, scale('total'), null, null);
        break;
      case 'SAT_LEGACY':
        facts.legacySat.push(r.administration_date);
        break;
      case 'ACT':
        push(facts.act, scale('composite'), null, null);
        break;
      case 'PSAT_NMSQT':
        facts.psatNmsqt.push(r.administration_date);
        break;
    }
  }
  return facts;
}
