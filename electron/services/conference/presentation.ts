import { createHash } from 'node:crypto';
import { AppError } from '../../../shared/ipc/errors';
import type { DisplayPort, EventSink } from '../../adapters/ports';
import type { VaultManager, VaultSession } from '../../vault/vaultManager';
import { recordAudit } from '../../vault/auditLog';
import type { FamilyLiveView, FamilyPanel, FamilyPanelData, FamilySnapshot, PresentationState } from '../../../shared/ipc/contract/conferences';
import { studentDisplayName } from '../../../shared/domain/conference/format';
import type { ConferenceSources } from './sources';
import { readFamilyRecord, type FamilyRecord } from './familyRecord';

interface State {
  conferenceId: number | null;
  focus: FamilyPanel;
  hidden: boolean;
  scenarioIds: number[];
  presenter: boolean;
}

const INITIAL: State = { conferenceId: null, focus: 'overview', hidden: false, scenarioIds: [], presenter: false };

/**
 * What the family screen shows, held in the main process (never in a window): which
 * conference, which panel, whether it is blanked. The family window only ever receives a
 * snapshot built here from family-visible data (`familyView`) and a bare "changed" signal
 * carrying a counter and the hidden flag. Locking resets everything and closes the window.
 */
export class PresentationService {
  private s: State = { ...INITIAL };
  private revision = 0;
  private lastHash = '';

  constructor(
    private readonly deps: {
      vault: VaultManager;
      sources: ConferenceSources;
      displays: DisplayPort;
      events: EventSink;
      now: () => Date;
    },
  ) {
    deps.vault.onLock(() => {
      this.s = { ...INITIAL };
      deps.displays.closeFamilyWindow();
      deps.displays.setConsoleFullScreen(false);
      this.lastHash = '';
    });
    deps.displays.onChange(() => this.publishState());
  }

  private session(): VaultSession {
    return this.deps.vault.session();
  }

  state(): PresentationState {
    return {
      conferenceId: this.s.conferenceId,
      focus: this.s.focus,
      hidden: this.s.hidden,
      scenarioIds: [...this.s.scenarioIds],
      familyWindow: this.deps.displays.isFamilyWindowOpen() ? 'open' : 'closed',
      displays: this.deps.displays.displayCount(),
      presenter: this.s.presenter,
    };
  }

  /** Puts a conference on the family screen; a different conference starts on its agenda. */
  show(conferenceId: number): PresentationState {
    const db = this.session().db;
    const row = db.prepare('SELECT status FROM conferences WHERE id = ?').get(conferenceId) as { status: string } | undefined;
    if (!row) throw new AppError('NOT_FOUND', 'That conference no longer exists.');
    if (row.status !== 'in_progress' && row.status !== 'ended') throw new AppError('FORBIDDEN', 'This conference is not in progress.', { reason: 'not-in-progress' });
    if (this.s.conferenceId !== conferenceId) {
      // Kept: the hidden flag. A counselor who blanked the screen decides when it comes back.
      this.s = { ...this.s, conferenceId, focus: row.status === 'ended' ? 'summary' : 'overview', scenarioIds: [] };
      recordAudit(db, this.deps.now(), { action: 'conference.family_view', entityType: 'conference', entityId: conferenceId });
    }
    return this.changed();
  }

  clear(): PresentationState {
    this.s = { ...this.s, conferenceId: null, focus: 'overview', scenarioIds: [] };
    return this.changed();
  }

  focus(conferenceId: number, focus: FamilyPanel): PresentationState {
    this.requireShown(conferenceId);
    this.s = { ...this.s, focus };
    return this.changed();
  }

  compare(conferenceId: number, scenarioIds: number[]): PresentationState {
    this.requireShown(conferenceId);
    if (scenarioIds.length) {
      const db = this.session().db;
      const c = db.prepare('SELECT student_id, status FROM conferences WHERE id = ?').get(conferenceId) as { student_id: number; status: string };
      const options = this.deps.sources.planScenarios(c.student_id);
      const known = new Set(options.status === 'available' ? options.data.map((o) => o.id) : []);
      if (scenarioIds.some((id) => !known.has(id))) throw new AppError('VALIDATION', 'Choose plans of this student.', { reason: 'scenario-not-found' });
      // Kept with the conference (not only on screen) so the summary can show what the family compared.
      if (scenarioIds.length >= 2 && c.status === 'in_progress') db.prepare('UPDATE conferences SET compared_scenario_ids = ? WHERE id = ?').run(JSON.stringify(scenarioIds), conferenceId);
    }
    this.s = { ...this.s, scenarioIds: [...scenarioIds], focus: scenarioIds.length ? 'plan' : this.s.focus };
    return this.changed();
  }

  setHidden(hidden: boolean): PresentationState {
    this.s = { ...this.s, hidden };
    return this.changed();
  }

  async openFamilyWindow(): Promise<PresentationState> {
    await this.deps.displays.openFamilyWindow();
    return this.changed();
  }

  closeFamilyWindow(): PresentationState {
    this.deps.displays.closeFamilyWindow();
    return this.changed();
  }

  setPresenter(on: boolean): PresentationState {
    this.s = { ...this.s, presenter: on };
    this.deps.displays.setConsoleFullScreen(on);
    return this.changed();
  }

  /** A conference's data changed: the family screen is refreshed if it shows that conference. */
  conferenceChanged(conferenceId: number): void {
    if (this.s.conferenceId === conferenceId) this.refresh();
  }

  /** A conference was deleted or cancelled: the family screen goes idle if it showed it. */
  conferenceGone(conferenceId: number): void {
    if (this.s.conferenceId === conferenceId) this.clear();
  }

  private requireShown(conferenceId: number): void {
    if (this.s.conferenceId !== conferenceId) throw new AppError('FORBIDDEN', 'Open the conference first.', { reason: 'not-presented' });
  }

  private changed(): PresentationState {
    this.refresh();
    return this.publishState();
  }

  private publishState(): PresentationState {
    const state = this.state();
    this.deps.events.emit('presentation.changed', state);
    return state;
  }

  /**
   * Emits 'family.changed' only when what the family would see actually changed, so adding a
   * private note does not even make the family window ask again.
   */
  private refresh(): void {
    const { revision: _r, ...content } = this.snapshot();
    const hash = createHash('sha256').update(JSON.stringify(content)).digest('hex');
    if (hash === this.lastHash) return;
    this.lastHash = hash;
    this.revision += 1;
    this.deps.events.emit('family.changed', { revision: this.revision, hidden: this.s.hidden || content.state !== 'live' });
  }

  /** The family window's only view of the vault. */
  familyView(): FamilySnapshot {
    return this.snapshot();
  }

  private snapshot(): FamilySnapshot {
    const revision = this.revision;
    if (!this.deps.vault.isUnlocked || this.s.conferenceId === null) return { state: 'idle', revision };
    if (this.s.hidden) return { state: 'hidden', revision };
    const db = this.session().db;
    const probe = db.prepare('SELECT family_language FROM conferences WHERE id = ?').get(this.s.conferenceId) as { family_language: 'en' | 'es' } | undefined;
    if (!probe) return { state: 'idle', revision };
    const record = readFamilyRecord(db, this.s.conferenceId, probe.family_language);
    if (!record || (record.conference.status !== 'in_progress' && record.conference.status !== 'ended')) return { state: 'idle', revision };
    return { state: 'live', revision, view: this.liveView(record) };
  }

  private liveView(r: FamilyRecord): FamilyLiveView {
    const locale = r.conference.familyLanguage;
    const studentId = r.conference.studentId;
    const { sources } = this.deps;
    let panel: FamilyPanelData;
    switch (this.s.focus) {
      case 'goals':
        panel = { kind: 'goals', goals: sources.familyGoals(studentId, locale) };
        break;
      case 'tests':
        panel = { kind: 'tests', tests: sources.familyScoreCards(studentId, locale) };
        break;
      case 'plan':
        panel = { kind: 'plan', comparison: this.s.scenarioIds.length >= 2 ? sources.scenarioComparison(studentId, this.s.scenarioIds, locale) : null };
        break;
      case 'notes':
        panel = { kind: 'notes', notes: r.parentNotes };
        break;
      case 'next_steps':
        panel = { kind: 'next_steps' };
        break;
      case 'summary': {
        const ready = !!this.session().db.prepare('SELECT 1 FROM conference_summaries WHERE conference_id = ? LIMIT 1').get(r.conference.id);
        panel = { kind: 'summary', acknowledgement: r.acknowledgement, summaryReady: ready };
        break;
      }
      default:
        panel = { kind: 'overview' };
    }
    return {
      locale,
      studentName: studentDisplayName(r.student),
      gradeLevel: r.student.gradeLevel,
      purpose: r.conference.purpose,
      title: r.conference.title,
      startedAt: r.conference.startedAt,
      status: r.conference.status === 'ended' ? 'ended' : 'in_progress',
      attendees: r.attendees.map((a) => ({ name: a.name, role: a.role, detail: a.detail })),
      agenda: r.agenda,
      decisions: r.decisions.map((d) => ({ kind: d.kind, what: d.what, detail: d.detail, agreedBy: d.agreedBy.map((a) => a.name) })),
      actionItems: r.actionItems.map((a) => ({ text: a.text, owner: a.owner, dueDate: a.dueDate, done: a.done })),
      nextMeeting: r.conference.nextMeetingDate || r.conference.nextMeetingNote ? { date: r.conference.nextMeetingDate, note: r.conference.nextMeetingNote } : null,
      panel,
    };
  }
}
