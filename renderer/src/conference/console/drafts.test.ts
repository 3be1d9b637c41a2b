import { describe, expect, it, vi } from 'vitest';

const listeners = new Map<string, () => void>();
vi.mock('../../api/client', () => ({
  subscribe: (name: string, listener: () => void) => {
    listeners.set(name, listener);
    return () => listeners.delete(name);
  },
}));

const { clearDrafts, draftKeys, endDrafts, readDraft, writeDraft } = await import('./drafts');

describe('conference drafts (renderer memory)', () => {
  it('keeps a draft until it is set back to the empty value', () => {
    writeDraft(1, 'note-new:general:body', 'Worried about attendance', '');
    expect(readDraft(1, 'note-new:general:body', '')).toBe('Worried about attendance');
    expect(readDraft(2, 'note-new:general:body', '')).toBe('');
    writeDraft(1, 'note-new:general:body', '', '');
    expect(draftKeys(1)).toEqual([]);
  });

  it('keeps object drafts by value', () => {
    const empty = { kind: 'other', what: '' };
    writeDraft(1, 'decision:new', { kind: 'other', what: 'Take Algebra I' }, empty);
    expect(readDraft(1, 'decision:new', empty)).toEqual({ kind: 'other', what: 'Take Algebra I' });
    writeDraft(1, 'decision:new', { kind: 'other', what: '' }, empty);
    expect(draftKeys(1)).toEqual([]);
  });

  it('drops the meeting’s own fields when it ends, keeps private-note drafts, and drops everything on clear', () => {
    writeDraft(3, 'agenda-new:text', 'Ask about the bus', '');
    writeDraft(3, 'note-new:parent:body', 'Mother asked about summer school', '');
    writeDraft(3, 'note-new:general:body', 'Call the caseworker', '', true);
    endDrafts(3);
    expect(draftKeys(3)).toEqual(['note-new:general:body']);
    clearDrafts(3);
    expect(draftKeys(3)).toEqual([]);
  });

  it('forgets every draft when the vault locks', () => {
    writeDraft(4, 'note-new:general:body', 'Private', '');
    writeDraft(5, 'action-new:text', 'Send the form', '');
    listeners.get('vault.locked')!();
    expect([...draftKeys(4), ...draftKeys(5)]).toEqual([]);
  });
});
