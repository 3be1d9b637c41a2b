import type { z } from 'zod';
import { AppError } from '../../../shared/ipc/errors';
import { localIsoDate } from '../../../shared/domain/dates';
import { problem, quote } from '../../../shared/domain/roster/problems';
import { say } from '../../../shared/domain/roster/say';
import { EDFI_PROGRAMS, PROGRAM_CODES, type ProgramCode } from '../../../shared/domain/roster/programs';
import { GUARDIAN_SLOTS, SIS_FIELDS, type SisField, type SisMapping } from '../../../shared/domain/roster/sisFields';
import type { RosterFileSet } from '../../importers/roster';
import type { RosterFormat, RosterParseResult, RosterProblem } from '../../../shared/domain/roster/types';
import type { Page } from '../../../shared/ipc/contract/common';
import type { ImportProblem } from '../../../shared/ipc/contract/imports';
import type {
  RosterChooseResult,
  RosterCommitResult,
  RosterConflictView,
  RosterOutcome,
  RosterPreview,
  RosterPreviewRow,
  SisMappingStep,
  rosterCommitInput,
} from '../../../shared/ipc/contract/roster';
import type { CsvTable } from '../../importers/text/csv';
import { sniffNotText } from '../../importers/text/notText';
import { detectRosterFormat, headerSignature, parseEdFi, parseOneRoster, parseSisCsv, readSisTable, suggestMapping } from '../../importers/roster';
import { sniffRoot } from '../../importers/roster/edfi/edfi';
import { headerNorm } from '../../importers/roster/sis/fields';
import type { DialogPort } from '../../adapters/ports';
import type { VaultSession } from '../../vault/vaultManager';
import type { PendingImports } from '../imports/pendingImports';
import { commitPlan, unresolvedConflicts, type ConflictChoice } from './commit';
import { planRosterImport, type Coverage, type RosterPlan } from './plan';
import { buildIndex, buildPreview, page, rowsPage, type PreviewIndex } from './preview';
import { loadSnapshot, type VaultSnapshot } from './snapshot';
import { loadSisMapping } from './sisMappings';
import { readChosenSource } from './source';

const KIND = 'roster';

interface SisStage {
  table: CsvTable;
  readProblems: RosterProblem[];
  headerLine: number;
  signature: string;
  saved: SisMapping | null;
  mapping: SisMapping;
  source: 'saved' | 'suggested';
  suggestion: ReturnType<typeof suggestMapping>;
}

interface Pending {
  stage: 'mapping' | 'preview';
  sourceName: string;
  fileNames: string[];
  format: RosterFormat | null;
  /** Problems with the files themselves (unreadable, unknown format). */
  setProblems: RosterProblem[];
  sis: SisStage | null;
  parsed: RosterParseResult | null;
  coverage: Coverage | null;
  snapshot: VaultSnapshot | null;
  plan: RosterPlan | null;
  index: PreviewIndex | null;
  preview: RosterPreview | null;
}

const FILTERS = [
  { name: 'Roster exports (zip, CSV, XML)', extensions: ['zip', 'csv', 'txt', 'tsv', 'xml'] },
  { name: 'All files', extensions: ['*'] },
];

/**
 * Roster imports end to end: the file dialog (main process), format detection, parsing, the
 * SIS column-mapping step, the preview against the vault, paging of the preview, and the
 * all-or-nothing commit. Parsed rows live in `PendingImports` (dropped on lock).
 */
export class RosterImportService {
  constructor(
    private readonly session: () => VaultSession,
    private readonly dialogs: DialogPort,
    private readonly pending: PendingImports,
    private readonly now: () => Date,
  ) {}

  private get db() {
    return this.session().db;
  }

  private today(): string {
    return localIsoDate(this.now());
  }

  async choose(kind: 'folder' | 'files'): Promise<RosterChooseResult> {
    this.session(); // locked → VAULT_LOCKED before any dialog opens
    const paths = await this.dialogs.chooseOpenFiles('import', kind === 'folder' ? [] : FILTERS, { allowFolders: kind === 'folder', multiple: kind === 'files' });
    if (!paths || paths.length === 0) return { status: 'cancelled' };
    const set = await readChosenSource(paths);
    this.session(); // the vault may have locked while the dialog was open
    return this.start(set);
  }

  /** Reads a chosen file set: SIS exports go to the mapping step, the others straight to a preview. */
  start(set: RosterFileSet): RosterChooseResult {
    const notText = set.files.flatMap((f) => {
      const kind = sniffNotText(f.bytes);
      return kind ? [problem({ fileName: f.name, row: null, column: null }, 'error', 'file-not-text', say(`file-not-text~${kind}`, { file: f.name }))] : [];
    });
    const format = set.files.length && notText.length === 0 ? detectRosterFormat(set) : null;
    const pending: Pending = {
      stage: 'preview',
      sourceName: set.sourceName,
      fileNames: set.files.map((f) => f.name),
      format,
      setProblems: [...set.problems, ...notText],
      sis: null,
      parsed: null,
      coverage: null,
      snapshot: null,
      plan: null,
      index: null,
      preview: null,
    };
    const token = this.pending.put<Pending>(KIND, pending);
    if (format === null) {
      if (!pending.setProblems.some((p) => p.severity === 'error')) {
        pending.setProblems.push(
          problem(
            { fileName: set.sourceName, row: null, column: null },
            'error',
            'format-unknown',
            say(set.files.length === 0 ? 'format-unknown~empty' : 'format-unknown', { source: set.sourceName }),
          ),
        );
      }
      return { status: 'preview', preview: this.finish(token, pending) };
    }
    if (format === 'sis-csv') {
      const file = set.files[0];
      const read = readSisTable(file.bytes, file.name);
      if (!read.table) {
        pending.setProblems.push(...read.problems);
        return { status: 'preview', preview: this.finish(token, pending) };
      }
      if (/\.zip$/i.test(set.sourceName) && suggestMapping(read.table.headers).missing.length === 2) {
        // A zip's only text file with not one header we know is a readme, not a roster export.
        pending.setProblems.push(problem({ fileName: set.sourceName, row: null, column: null }, 'error', 'zip-no-roster', say('zip-no-roster', { source: set.sourceName, file: file.name })));
        return { status: 'preview', preview: this.finish(token, pending) };
      }
      if (read.table.headers.length < 2) {
        // Nothing to match: a note, or a file split by a character we do not read.
        const header = quote((read.table.headers[0] ?? '').slice(0, 60));
        pending.setProblems.push(problem({ fileName: file.name, row: null, column: null }, 'error', 'sis-one-column', say('sis-one-column', { file: file.name, header })));
        return { status: 'preview', preview: this.finish(token, pending) };
      }
      const signature = headerSignature(read.table.headers);
      const saved = loadSisMapping(this.db, signature);
      const suggestion = suggestMapping(read.table.headers);
      // The signature ignores order and case: read each saved header as this file spells it.
      const byNorm = new Map(read.table.headers.map((h) => [headerNorm(h), h]));
      const usable: SisMapping | null = saved
        ? Object.fromEntries(Object.entries(saved).flatMap(([f, h]) => (byNorm.has(headerNorm(h!)) ? [[f, byNorm.get(headerNorm(h!))!]] : [])))
        : null;
      pending.stage = 'mapping';
      pending.sis = {
        table: read.table,
        readProblems: read.problems,
        headerLine: read.headerLine,
        signature,
        saved: usable,
        mapping: usable ?? suggestion.mapping,
        source: usable ? 'saved' : 'suggested',
        suggestion,
      };
      return { status: 'mapping', mapping: this.mappingStep(token, pending) };
    }
    const today = this.today();
    pending.parsed = format === 'edfi' ? parseEdFi(set, { today, asOf: today }) : parseOneRoster(set, { today });
    // The parsers report the set's own problems too; keep one copy.
    pending.setProblems = [];
    const hasStudentProgram = set.files.some((f) => /\.xml$/i.test(f.name) && sniffRoot(f.bytes) === 'InterchangeStudentProgram');
    pending.coverage =
      format === 'edfi'
        ? { programs: hasStudentProgram ? EDFI_PROGRAMS : new Set(), programDates: true, guardians: false }
        : { programs: new Set(), programDates: false, guardians: pending.parsed.students.some((s) => s.guardians.length > 0) };
    return { status: 'preview', preview: this.compare(token, pending) };
  }

  private get(token: string): Pending {
    return this.pending.get<Pending>(KIND, token);
  }

  private mappingStep(token: string, p: Pending): SisMappingStep {
    const sis = p.sis!;
    const columns = sis.table.headers.map((header, i) => {
      const samples: string[] = [];
      for (const r of sis.table.rows) {
        if (samples.length >= 3 || r.row > 200) break;
        const v = (r.values[i] ?? '').trim();
        if (v && !samples.includes(v)) samples.push(v.length > 60 ? `${v.slice(0, 60)}…` : v);
      }
      return { header, samples };
    });
    const m = sis.mapping;
    const missing: ('id' | 'name')[] = [];
    if (!m.localId && !m.stateId) missing.push('id');
    if (!m.fullName && !(m.firstName && m.lastName)) missing.push('name');
    const errors = sis.readProblems.filter((x) => x.severity === 'error').length;
    return {
      token,
      fileName: sis.table.fileName,
      encoding: sis.table.encoding,
      delimiter: sis.table.delimiter,
      rowCount: sis.table.rows.length,
      headerLine: sis.headerLine,
      columns,
      mapping: m,
      source: sis.source,
      suggestions: sis.suggestion.matches,
      missing,
      fileProblems: { error: errors, warning: sis.readProblems.length - errors },
    };
  }

  mapping(token: string): SisMappingStep {
    const p = this.get(token);
    if (!p.sis) throw new AppError('VALIDATION', 'This import has no column mapping (only SIS CSV exports do).');
    return this.mappingStep(token, p);
  }

  /** SIS CSV: parse the table with the counselor's mapping and compare it with the vault. */
  map(token: string, mapping: Partial<Record<SisField, string>>): RosterPreview {
    const p = this.get(token);
    if (!p.sis) throw new AppError('VALIDATION', 'This import has no column mapping (only SIS CSV exports do).');
    const clean: SisMapping = {};
    for (const field of SIS_FIELDS) {
      const header = mapping[field];
      if (header) clean[field] = header;
    }
    const missing: string[] = [];
    if (!clean.localId && !clean.stateId) missing.push('id');
    if (!clean.fullName && !(clean.firstName && clean.lastName)) missing.push('name');
    if (missing.length) {
      throw new AppError('VALIDATION', 'Map a student ID column (local or state) and the name columns (first and last, or one "Last, First" column) before previewing.', {
        missing,
      });
    }
    p.sis.mapping = clean;
    p.stage = 'preview';
    const parsed = parseSisCsv(p.sis.table, clean, { today: this.today() });
    p.parsed = { ...parsed, problems: [...p.sis.readProblems, ...parsed.problems] };
    const programs = new Set<ProgramCode>(clean.programs ? PROGRAM_CODES : PROGRAM_CODES.filter((c) => clean[`program:${c}`]));
    const guardians = GUARDIAN_SLOTS.some((slot) => Object.keys(clean).some((f) => f.startsWith(`guardian${slot}.`)));
    p.coverage = { programs, programDates: false, guardians };
    return this.compare(token, p);
  }

  refresh(token: string): RosterPreview {
    const p = this.get(token);
    if (!p.parsed) return this.finish(token, p);
    return this.compare(token, p);
  }

  private compare(token: string, p: Pending): RosterPreview {
    const parsed = p.parsed!;
    p.snapshot = loadSnapshot(this.db);
    p.plan = planRosterImport({ format: parsed.format, students: parsed.students, campuses: parsed.campuses, coverage: p.coverage! }, p.snapshot);
    return this.finish(token, p);
  }

  private finish(token: string, p: Pending): RosterPreview {
    p.index = buildIndex(p.plan, [...p.setProblems, ...(p.parsed?.problems ?? [])]);
    const notStored = new Set<RosterPreview['notStored'][number]>();
    for (const s of p.parsed?.students ?? []) {
      if (s.gender !== undefined) notStored.add('gender');
      if (s.races !== undefined) notStored.add('race');
      if (s.hispanicOrLatino !== undefined) notStored.add('ethnicity');
    }
    if (p.sis?.mapping.gender) notStored.add('gender');
    if (p.sis?.mapping.race) notStored.add('race');
    if (p.sis?.mapping.hispanicOrLatino) notStored.add('ethnicity');
    p.preview = buildPreview({
      token,
      format: p.format ?? 'sis-csv',
      version: p.parsed?.version ?? null,
      sourceName: p.sourceName,
      fileNames: p.fileNames,
      plan: p.plan,
      index: p.index,
      notStored: (['gender', 'race', 'ethnicity'] as const).filter((k) => notStored.has(k)),
      mapping: p.sis && p.stage === 'preview' ? { signature: p.sis.signature, remembered: p.sis.saved !== null && sameMapping(p.sis.saved, p.sis.mapping) } : null,
    });
    return p.preview;
  }

  private previewed(token: string): Pending & { index: PreviewIndex } {
    const p = this.get(token);
    if (p.stage !== 'preview' || !p.index) throw new AppError('VALIDATION', 'Map the columns and preview the file first.');
    return p as Pending & { index: PreviewIndex };
  }

  rows(token: string, outcome: RosterOutcome, search: string, pageNo: number, pageSize: number): Page<RosterPreviewRow> {
    return rowsPage(this.previewed(token).index, outcome, search, pageNo, pageSize);
  }

  problems(token: string, severity: 'all' | 'error' | 'warning', pageNo: number, pageSize: number): Page<ImportProblem> {
    const all = this.previewed(token).index.problems;
    return page(severity === 'all' ? all : all.filter((x) => x.severity === severity), pageNo, pageSize);
  }

  conflicts(token: string, pageNo: number, pageSize: number): Page<RosterConflictView> {
    return page(this.previewed(token).index.conflicts, pageNo, pageSize);
  }

  commit(input: z.output<typeof rosterCommitInput>): RosterCommitResult {
    const p = this.previewed(input.token);
    if (!p.plan || !p.preview) throw new AppError('IMPORT_INVALID', 'There is nothing to import from this file.');
    if (p.preview.problemCounts.error > 0) {
      throw new AppError('IMPORT_INVALID', `The file has ${p.preview.problemCounts.error} problem(s) that must be fixed first. Nothing was imported.`, {
        errors: p.preview.problemCounts.error,
      });
    }
    const known = new Set(p.index.conflicts.map((c) => c.change.key));
    const choices = new Map<string, ConflictChoice>();
    for (const c of input.choices) {
      if (!known.has(c.key)) throw new AppError('VALIDATION', 'A conflict choice does not belong to this preview.');
      choices.set(c.key, c.choice);
    }
    const open = unresolvedConflicts(p.plan, choices, input.conflictDefault);
    if (open > 0) {
      throw new AppError('VALIDATION', `${open} change(s) would replace values you entered: choose "keep mine" or "take the file's" for each.`, { unresolvedConflicts: open });
    }
    const result = commitPlan(this.db, {
      plan: p.plan,
      snapshot: p.snapshot!,
      choices,
      conflictDefault: input.conflictDefault,
      now: this.now(),
      sisMapping: p.sis ? { signature: p.sis.signature, mapping: p.sis.mapping } : undefined,
    });
    this.pending.drop(input.token);
    return result;
  }

  cancel(token: string): void {
    this.pending.drop(token);
  }
}

function sameMapping(a: SisMapping, b: SisMapping): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<SisField>;
  for (const k of keys) if ((a[k] ?? null) !== (b[k] ?? null)) return false;
  return true;
}
