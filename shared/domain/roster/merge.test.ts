import { describe, expect, it } from 'vitest';
import { decideField, sameValue, type FieldDecision, type StoredField } from './merge';

const fromFile = (value: string | null): StoredField<string> => ({ value, override: null });
const typed = (value: string | null, fileValue: string | null = null): StoredField<string> => ({ value, override: { fileValue } });

describe('decideField: a roster value meeting a stored one', () => {
  it.each<[string, StoredField<string>, string | null | undefined, FieldDecision]>([
    ['file has no such column', fromFile('Ana'), undefined, 'absent'],
    ['blank cell never erases an imported value', fromFile('Ana'), null, 'blank'],
    ['blank cell never erases a typed value', typed('Ana'), null, 'blank'],
    ['same value', fromFile('Ana'), 'Ana', 'same'],
    ['same value, decomposed accent typed by the counselor', typed('Jose\u0301'), 'José', 'same'],
    ['imported value, file changed it', fromFile('Ana'), 'Anna', 'update'],
    ['imported blank, file fills it', fromFile(null), 'Ana', 'fill'],
    ['typed value, file still says what it said before the edit', typed('Tyrone', 'Ty'), 'Ty', 'kept'],
    ['typed value, file now says something new', typed('Tyrone', 'Ty'), 'Tyler', 'conflict'],
    ['typed by hand (never from a file), file differs', typed('Jose'), 'José Luis', 'conflict'],
    ['counselor cleared a value the file still gives', typed(null, 'Ty'), 'Ty', 'kept'],
    ['counselor cleared a value, file gives a new one', typed(null, 'Ty'), 'Tyler', 'conflict'],
    ['typed value equal to the new file value', typed('Tyler', 'Ty'), 'Tyler', 'same'],
  ])('%s → %s', (_name, stored, file, expected) => {
    expect(decideField(stored, file)).toBe(expected);
  });

  it('compares numbers exactly and never equates a number with its text', () => {
    expect(decideField({ value: 2027, override: null }, 2027)).toBe('same');
    expect(decideField({ value: 2027, override: null }, 2028)).toBe('update');
    expect(sameValue(2027, '2027')).toBe(false);
    expect(sameValue(null, null)).toBe(true);
    expect(sameValue(null, '')).toBe(false);
  });
});
