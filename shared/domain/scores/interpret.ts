import type { IsoDate } from '../dates';
import { CONCEPTS, benchmarksFor, scaleFor, sourceOf, type Benchmark, type BenchmarkKind, type Sourced } from './reference';
import { MAIN_SECTIONS, PERCENTILE_SECTIONS } from './catalog';
import { afqtCategory, cogatSasBand, lexileRange, parseLexile, parseQuantile, quantileRange, stanineBand } from './concepts';
import { msg, type Message } from './messages';
import { SAT_SUITE, scoreOf, type LevelCode, type NormGroup, type ScoreResult, type ScoreValue, type TestFamily } from './types';

/**
 * What a score means, as data: where it sits on its scale, each benchmark met or not and
 * by how much, the performance level (the file's own when it has one), what its
 * percentile means, a score band from the standard error, and a plain-language
 * explanation for a family. Pure: same result in, same interpretation out.
 */

export interface BenchmarkCheck {
  id: string;
  kind: BenchmarkKind;
  /** The cut score; null when only the file's own yes/no flag is known. */
  min: number | null;
  met: boolean;
  /** Score minus cut (positive = above). Null when the cut is unknown. */
  margin: number | null;
  /** 'reported' = the vendor's own flag; 'computed' = compared here with the sourced cut. */
  basis: 'computed' | 'reported';
  /** The file's flag and the computed check disagree (the card says so). */
  disagrees: boolean;
  source: Sourced | null;
}

export interface LevelView {
  code: LevelCode | string | null;
  /** The vendor's words when reported. */
  text: string | null;
  basis: 'reported' | 'computed';
}

export interface SectionView {
  section: string;
  label: string | null;
  score: number | null;
  text: string | null;
  raw: number | null;
  scale: { min: number; max: number; source: Sourced } | null;
  /** 0…1 along the scale bar. */
  position: number | null;
  band: { low: number; high: number; basis: 'sem' | 'reported'; confidence: number } | null;
  benchmarks: BenchmarkCheck[];
  level: LevelView | null;
  percentiles: { value: number; norm: NormGroup }[];
  stanine: number | null;
  /** Whether the score itself is a percentile (AFQT). */
  isPercentile: boolean;
  main: boolean;
}

export type HeadlineStatus = 'met' | 'partly' | 'not-met' | 'info';

export interface ResultInterpretation {
  status: HeadlineStatus;
  headline: Message;
  sections: SectionView[];
  explanation: { means: Message[]; doesNotMean: Message[]; nextSteps: Message[] };
  /** Caveats: unconfirmed values, odd dates, disagreements between file and rule. */
  notes: Message[];
}

export interface InterpretContext {
  /** Today, for "counts until" statements. */
  asOf: IsoDate;
}

const sectionLabel = (family: TestFamily, s: ScoreValue): Message =>
  s.label && (family === 'AP' || family === 'IB' || family === 'STATE' || family === 'OTHER' || s.section.startsWith('goal:'))
    ? msg('scores.sectionLabel.vendor', { label: s.label })
    : msg(`scores.section.${s.section.startsWith('goal:') ? 'goal' : s.section}`);

function seasonOf(date: IsoDate): 'fall' | 'spring' {
  const m = Number(date.slice(5, 7));
  return m >= 8 ? 'fall' : 'spring';
}

/** The cuts that apply to this score, with the grade/season logic of each test family. */
export function applicableBenchmarks(result: ScoreResult, section: string): { benchmark: Benchmark; min: number }[] {
  const out: { benchmark: Benchmark; min: number }[] = [];
  const grade = result.gradeAtTesting;
  for (const b of benchmarksFor(result.family, section)) {
    if (b.byGradeSeason) {
      if (!grade) continue;
      const cut = b.byGradeSeason[`${grade}-${seasonOf(result.administrationDate)}`];
      if (cut !== undefined) out.push({ benchmark: b, min: cut });
      continue;
    }
    if (b.min === undefined) continue;
    if (b.grades && (!grade || !b.grades.includes(grade))) continue;
    // The meets anchor stands in only where the file itself carries no performance level.
    if (b.kind === 'meets-anchor' && scoreOf(result, section)?.levelCode) continue;
    out.push({ benchmark: b, min: b.min });
  }
  return out;
}

export function benchmarkChecks(result: ScoreResult, s: ScoreValue): BenchmarkCheck[] {
  const checks: BenchmarkCheck[] = [];
  const value = s.scale;
  const readiness = applicableBenchmarks(result, s.section);
  for (const { benchmark, min } of readiness) {
    if (value === null) continue;
    const met = value >= min;
    const isReadiness = benchmark.kind === 'college-readiness' || benchmark.kind === 'grade-level';
    const disagrees = isReadiness && s.benchmarkMet !== null && s.benchmarkMet !== met;
    checks.push({ id: benchmark.id, kind: benchmark.kind, min, met, margin: value - min, basis: 'computed', disagrees, source: sourceOf(benchmark) });
  }
  const hasReadiness = checks.some((c) => c.kind === 'college-readiness' || c.kind === 'grade-level');
  if (!hasReadiness && s.benchmarkMet !== null) {
    // No sourced cut for this grade (e.g. PSAT/NMSQT taken in grade 9): the file's own flag is all we know.
    checks.unshift({ id: `${result.family}-${s.section}-reported`, kind: (SAT_SUITE as readonly string[]).includes(result.family) && result.family !== 'SAT' ? 'grade-level' : 'college-readiness', min: null, met: s.benchmarkMet, margin: null, basis: 'reported', disagrees: false, source: null });
  }
  return checks;
}

const STAAR_LEVEL_ORDER = ['did-not-meet', 'approaches', 'meets', 'masters'];

export function levelOf(result: ScoreResult, s: ScoreValue): LevelView | null {
  if (s.level !== null || s.levelCode !== null) return { code: s.levelCode, text: s.level, basis: 'reported' };
  const v = s.scale;
  if (v === null) return null;
  if (result.family === 'AP' && s.section === 'exam') {
    const label = (CONCEPTS.apLabels.labels as Record<string, string>)[String(v)];
    return label ? { code: `ap-${label}`, text: null, basis: 'computed' } : null;
  }
  if (result.family === 'ASVAB' && s.section === 'afqt') {
    const cat = afqtCategory(v);
    return cat ? { code: `afqt-${cat}`, text: null, basis: 'computed' } : null;
  }
  if (result.family === 'COGAT') return { code: `cogat-${cogatSasBand(v)}`, text: null, basis: 'computed' };
  if (result.family === 'STAAR_EOC' && s.section === 'scale' && v >= 4000) return { code: 'meets-or-above', text: null, basis: 'computed' };
  return null;
}

export function bandOf(s: ScoreValue, scale: { min: number; max: number } | null): SectionView['band'] {
  const confidence: number = CONCEPTS.sem.bandConfidence;
  if (s.band) return { low: s.band.low, high: s.band.high, basis: 'reported', confidence };
  if (s.sem === null || s.scale === null || s.sem <= 0) return null;
  const round = (n: number) => Math.round(n * 10) / 10;
  let low = round(s.scale - s.sem);
  let high = round(s.scale + s.sem);
  if (scale) {
    low = Math.max(scale.min, low);
    high = Math.min(scale.max, high);
  }
  return { low, high, basis: 'sem', confidence };
}

export function positionOn(value: number | null, scale: { min: number; max: number } | null): number | null {
  if (value === null || !scale || scale.max <= scale.min) return null;
  return Math.min(1, Math.max(0, (value - scale.min) / (scale.max - scale.min)));
}

export function sectionView(result: ScoreResult, s: ScoreValue): SectionView {
  const range = scaleFor(result.family, s.section);
  const scale = range ? { min: range.min, max: range.max, source: sourceOf(range) } : null;
  return {
    section: s.section,
    label: s.label,
    score: s.scale,
    text: s.text,
    raw: s.raw,
    scale,
    position: positionOn(s.scale, scale),
    band: bandOf(s, scale),
    benchmarks: benchmarkChecks(result, s),
    level: levelOf(result, s),
    percentiles: s.percentiles.map((p) => ({ value: p.value, norm: p.norm })),
    stanine: s.stanine,
    isPercentile: PERCENTILE_SECTIONS.has(`${result.family}|${s.section}`),
    main: MAIN_SECTIONS[result.family].includes(s.section),
  };
}

// --- plain-language explanation -------------------------------------------------------

function percentileMessage(p: { value: number; norm: NormGroup }, section: Message): Message {
  return msg('scores.explain.percentile', { section, percentile: p.value, group: msg(`scores.norm.${p.norm}`) });
}

function readinessMessage(result: ScoreResult, v: SectionView, c: BenchmarkCheck, label: Message): Message | null {
  if (c.kind !== 'college-readiness' && c.kind !== 'grade-level') return null;
  if (c.min === null) return msg(c.met ? 'scores.explain.reportedMet' : 'scores.explain.reportedNotMet', { section: label });
  const score = v.score ?? '';
  if (c.margin === 0) return msg('scores.explain.benchmarkAt', { section: label, score, cut: c.min });
  return msg(c.met ? 'scores.explain.benchmarkAbove' : 'scores.explain.benchmarkBelow', { section: label, score, cut: c.min, margin: Math.abs(c.margin ?? 0), count: Math.abs(c.margin ?? 0) });
}

function familyMeaningOfBenchmark(family: TestFamily): Message | null {
  if (family === 'SAT') return msg('scores.explain.meaning.sat');
  if (family === 'PSAT_NMSQT' || family === 'PSAT_10' || family === 'PSAT_89') return msg('scores.explain.meaning.psat');
  if (family === 'ACT') return msg('scores.explain.meaning.act');
  if (family === 'PREACT') return msg('scores.explain.meaning.preact');
  return null;
}

function describeScore(result: ScoreResult, v: SectionView, label: Message): Message | null {
  if (v.isPercentile && v.score !== null) return msg('scores.explain.afqt', { score: v.score });
  if (v.section === 'lexile' && v.text) {
    const lex = parseLexile(v.text);
    if (!lex) return msg('scores.explain.scoreText', { section: label, text: v.text });
    const range = lexileRange(lex.value);
    return msg(lex.beginningReader ? 'scores.explain.lexileBr' : 'scores.explain.lexile', { measure: v.text, low: range.low, high: range.high });
  }
  if (v.section === 'quantile' && v.text) {
    const q = parseQuantile(v.text);
    if (!q) return msg('scores.explain.scoreText', { section: label, text: v.text });
    const range = quantileRange(q.value);
    return msg('scores.explain.quantile', { measure: v.text, low: range.low, high: range.high });
  }
  if (v.score === null) return v.text ? msg('scores.explain.scoreText', { section: label, text: v.text }) : null;
  if (result.family === 'AP') return msg('scores.explain.ap', { exam: label, score: v.score, label: msg(`scores.level.${v.level?.code ?? 'none'}`) });
  if (result.family === 'COGAT') return msg('scores.explain.cogat', { section: label, score: v.score, band: msg(`scores.level.${v.level?.code ?? 'none'}`) });
  // A score with a readiness benchmark is said together with it; the range is said once per card.
  if (v.benchmarks.some((c) => (c.kind === 'college-readiness' || c.kind === 'grade-level') && c.min !== null)) return null;
  return msg('scores.explain.score', { section: label, score: v.score });
}

function staarLevelMessages(level: LevelView | null, label: Message): Message[] {
  if (!level) return [msg('scores.explain.staar.noLevel', { subject: label })];
  if (level.code === 'meets-or-above') return [msg('scores.explain.staar.meetsAnchor', { subject: label })];
  if (typeof level.code === 'string' && STAAR_LEVEL_ORDER.includes(level.code)) {
    return [msg('scores.explain.staar.level', { subject: label, level: msg(`scores.level.${level.code}`) }), msg(`scores.explain.staar.meaning.${level.code}`)];
  }
  return [msg('scores.explain.reportedLevel', { section: label, level: level.text ?? '' })];
}

export function interpretResult(result: ScoreResult, _context: InterpretContext): ResultInterpretation {
  const sections = result.scores.map((s) => sectionView(result, s));
  const labels = new Map(result.scores.map((s) => [s.section, sectionLabel(result.family, s)]));
  const labelOf = (section: string): Message => labels.get(section)!;
  const mains = sections.filter((v) => v.main);
  const shown = mains.length ? mains : sections;
  const means: Message[] = [];
  const doesNotMean: Message[] = [];
  const nextSteps: Message[] = [];
  const notes: Message[] = [];
  const family = result.family;

  let percentileSaid = false;
  const readinessChecks = shown.flatMap((v) => v.benchmarks.filter((c) => c.kind === 'college-readiness' || c.kind === 'grade-level').map((c) => ({ v, c })));

  // "Scores go from 200 to 800" once per scale, naming the sections on it.
  if (family !== 'AP' && family !== 'COGAT' && family !== 'STAAR' && family !== 'STAAR_EOC' && family !== 'STATE') {
    const ranges = new Map<string, { min: number; max: number; labels: Message[] }>();
    for (const v of shown) {
      if (v.score === null || !v.scale || v.isPercentile) continue;
      const k = `${v.scale.min}|${v.scale.max}`;
      const r = ranges.get(k) ?? { min: v.scale.min, max: v.scale.max, labels: [] };
      r.labels.push(labelOf(v.section));
      ranges.set(k, r);
    }
    for (const r of ranges.values()) means.push(msg('scores.explain.scaleRange', { sections: r.labels, min: r.min, max: r.max }));
  }
  for (const v of shown) {
    const label = labelOf(v.section);
    if (family === 'STAAR' || family === 'STAAR_EOC' || family === 'STATE') {
      if (v.section === 'scale') {
        means.push(...staarLevelMessages(v.level, msg(family === 'STATE' ? 'scores.sectionLabel.vendor' : `scores.subject.${result.subject ?? 'unknown'}`, family === 'STATE' ? { label: result.subject ?? result.form ?? '' } : undefined)));
        if (v.score !== null) means.push(msg('scores.explain.staar.scale', { score: v.score }));
        continue;
      }
    }
    const described = describeScore(result, v, label);
    if (described) means.push(described);
    for (const c of v.benchmarks) {
      const m = readinessMessage(result, v, c, label);
      if (m) means.push(m);
      if (c.disagrees) notes.push(msg('scores.note.flagDisagrees', { section: label, cut: c.min ?? '' }));
      if (c.source?.uncertain) notes.push(msg('scores.note.uncertainCut', { section: label, cut: c.min ?? '' }));
      if (c.kind === 'dual-credit-eligibility') notes.push(msg(c.met ? 'scores.note.dualCreditMet' : 'scores.note.dualCreditNotMet', { section: label, cut: c.min ?? '' }));
      if (c.kind === 'performance-acknowledgment' && c.met) means.push(msg('scores.explain.performanceAck', { cut: c.min ?? '' }));
      if (c.kind === 'ccmr') means.push(msg(c.met ? 'scores.explain.ccmrMet' : 'scores.explain.ccmrNotMet', { cut: c.min ?? '' }));
      if (c.kind === 'diploma-minimum') means.push(msg(c.met ? 'scores.explain.ibDiplomaPointsMet' : 'scores.explain.ibDiplomaPointsNotMet', { cut: c.min ?? '' }));
      if (c.kind === 'enlistment-floor') nextSteps.push(msg('scores.next.recruiter', { cut: c.min ?? '' }));
    }
    if (v.level && v.level.basis === 'reported' && family !== 'STAAR' && family !== 'STAAR_EOC' && v.level.text && !v.isPercentile) {
      means.push(msg('scores.explain.reportedLevel', { section: label, level: v.level.text }));
    }
    if (v.level?.basis === 'computed' && family === 'ASVAB') means.push(msg('scores.explain.afqtCategory', { category: String(v.level.code).replace('afqt-', '') }));
    const p = v.percentiles[0];
    if (p && !v.isPercentile && !percentileSaid) {
      // Once per card, for the first (headline) section; the card shows every percentile.
      means.push(percentileMessage(p, label));
      percentileSaid = true;
    }
    if (v.stanine !== null) means.push(msg('scores.explain.stanine', { stanine: v.stanine, band: msg(`scores.stanineBand.${stanineBand(v.stanine)}`) }));
    if (v.band && v.score !== null) means.push(msg(v.band.basis === 'sem' ? 'scores.explain.bandSem' : 'scores.explain.bandReported', { section: label, low: v.band.low, high: v.band.high }));
  }

  const meaning = familyMeaningOfBenchmark(family);
  if (meaning && readinessChecks.length) means.push(meaning);

  // What it does not mean.
  if (sections.some((v) => v.percentiles.length > 0) || sections.some((v) => v.isPercentile)) doesNotMean.push(msg('scores.notMean.percentCorrect'));
  if (readinessChecks.some(({ c }) => !c.met)) doesNotMean.push(msg('scores.notMean.belowBenchmark'));
  if (sections.some((v) => v.band)) doesNotMean.push(msg('scores.notMean.smallChanges'));
  if (sections.some((v) => v.stanine !== null)) doesNotMean.push(msg('scores.notMean.oneStanine'));
  if (sections.some((v) => v.section === 'lexile')) doesNotMean.push(msg('scores.notMean.lexileGrade'));
  if (sections.some((v) => v.section === 'quantile')) doesNotMean.push(msg('scores.notMean.quantileCourse'));
  switch (family) {
    case 'AP':
      doesNotMean.push(msg('scores.notMean.apClassGrade'));
      break;
    case 'COGAT':
      doesNotMean.push(msg('scores.notMean.cogat'));
      break;
    case 'MAP':
      doesNotMean.push(msg('scores.notMean.mapSubjects'));
      break;
    case 'STAAR':
    case 'STAAR_EOC':
      doesNotMean.push(msg('scores.notMean.staarScale'));
      break;
    case 'ASVAB':
      doesNotMean.push(msg('scores.notMean.asvab'));
      break;
    case 'PSAT_NMSQT':
      doesNotMean.push(msg('scores.notMean.selectionIndex'));
      break;
    default:
      break;
  }
  if (doesNotMean.length === 0) doesNotMean.push(msg('scores.notMean.oneDay'));

  // Next steps.
  const missed = readinessChecks.filter(({ c }) => !c.met);
  if ((SAT_SUITE as readonly string[]).includes(family) || family === 'ACT' || family === 'PREACT') {
    if (missed.length) {
      for (const { v } of missed) nextSteps.push(msg('scores.next.practice', { section: labelOf(v.section) }));
      nextSteps.push(msg(family === 'SAT' || family === 'ACT' ? 'scores.next.retest' : 'scores.next.keepGrowing'));
    } else if (readinessChecks.length) {
      nextSteps.push(msg(family === 'SAT' || family === 'ACT' ? 'scores.next.readyCollege' : 'scores.next.onTrack'));
    }
  }
  if (family === 'AP') nextSteps.push(msg('scores.next.apCredit'));
  if (family === 'IB') nextSteps.push(msg('scores.next.ibCredit'));
  if (family === 'MAP') nextSteps.push(msg('scores.next.mapGrowth'));
  if (family === 'COGAT') nextSteps.push(msg('scores.next.cogat'));
  if (family === 'STAAR' || family === 'STAAR_EOC') {
    const lvl = shown.find((v) => v.section === 'scale')?.level?.code;
    nextSteps.push(msg(lvl === 'did-not-meet' ? 'scores.next.staarSupport' : 'scores.next.staarKeepUp'));
    if (family === 'STAAR_EOC' && lvl === 'did-not-meet') nextSteps.push(msg('scores.next.eocRetest'));
  }
  if (family === 'TSIA2' || family === 'TSIA1') nextSteps.push(msg('scores.next.tsia'));
  if (sections.some((v) => v.section === 'lexile')) nextSteps.push(msg('scores.next.lexileBooks'));
  if (nextSteps.length === 0) nextSteps.push(msg('scores.next.askCounselor'));

  // Notes about the record itself.
  for (const f of result.flags) {
    if (f === 'sat-date-before-redesign') notes.push(msg('scores.note.satBeforeRedesign'));
    else if (f.startsWith('ap-irregularity:')) notes.push(msg('scores.note.apIrregularity', { code: f.slice('ap-irregularity:'.length) }));
    else if (f === 'score-withheld') notes.push(msg('scores.note.scoreWithheld'));
    else if (f.startsWith('map-norms:')) notes.push(msg('scores.note.mapNormsFile', { norms: f.slice('map-norms:'.length) }));
    else if (f === 'preact-no-scale') notes.push(msg('scores.note.preactScale'));
    else if (f.startsWith('cogat-variable:')) notes.push(msg('scores.note.cogatVariable', { battery: msg(`scores.cogatBattery.${f.slice('cogat-variable:'.length)}`) }));
    else if (f.startsWith('cogat-chance:')) notes.push(msg('scores.note.cogatChance', { battery: msg(`scores.cogatBattery.${f.slice('cogat-chance:'.length)}`) }));
    else if (f.startsWith('cogat-sas-invalid:')) notes.push(msg('scores.note.cogatInvalid', { battery: msg(`scores.cogatBattery.${f.slice('cogat-sas-invalid:'.length)}`) }));
  }
  // Month-only dates matter where a rule turns on the day (the ACT rule changed on 2023-02-15).
  if (result.datePrecision === 'month' && family === 'ACT') notes.push(msg('scores.note.monthOnly'));
  for (const v of shown) if (v.scale?.source.uncertain) notes.push(msg('scores.note.uncertainScale', { section: labelOf(v.section) }));
  if (family === 'MAP' && CONCEPTS.mapNorms.uncertain) notes.push(msg('scores.note.mapNorms'));

  // Headline.
  let status: HeadlineStatus = 'info';
  let headline: Message = msg('scores.headline.info');
  if (readinessChecks.length) {
    const metCount = readinessChecks.filter(({ c }) => c.met).length;
    status = metCount === readinessChecks.length ? 'met' : metCount === 0 ? 'not-met' : 'partly';
    headline = msg(`scores.headline.benchmarks.${status}`, { met: metCount, total: readinessChecks.length });
  } else if (family === 'STAAR' || family === 'STAAR_EOC') {
    const code = shown.find((v) => v.section === 'scale')?.level?.code;
    if (code === 'did-not-meet') status = 'not-met';
    else if (code === 'approaches' || code === 'meets' || code === 'masters' || code === 'meets-or-above') status = 'met';
    headline = code ? msg(`scores.headline.staar.${code}`) : msg('scores.headline.info');
  } else if (family === 'AP' || family === 'IB') {
    const ccmr = sections.flatMap((v) => v.benchmarks).filter((c) => c.kind === 'ccmr');
    if (ccmr.length) {
      status = ccmr.some((c) => c.met) ? 'met' : 'not-met';
      headline = msg(status === 'met' ? 'scores.headline.ccmrMet' : 'scores.headline.ccmrNotMet');
    }
  }
  return { status, headline, sections, explanation: { means, doesNotMean, nextSteps }, notes: dedupe(notes) };
}

function dedupe(list: Message[]): Message[] {
  if (list.length < 2) return list;
  const seen = new Set<string>();
  return list.filter((m) => {
    const k = m.params ? `${m.key}\u0000${JSON.stringify(m.params)}` : m.key;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
