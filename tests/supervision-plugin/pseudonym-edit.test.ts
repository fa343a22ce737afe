import { describe, expect, it } from 'vitest';
import { anonymise, createPseudonymMapping } from '@coach-guard/core';
import { pseudonymEdit } from '../../supervision-plugin/src/pseudonym-edit';

const NOTE = 'Megan Thursfield works in Leeds. Tom Reyes is her manager.';

describe('replace with the case’s pseudonym (quick fix)', () => {
  it('replaces only the identifier asked for, with the pseudonym anonymise would use', () => {
    const mapping = createPseudonymMapping();
    const at = NOTE.indexOf('Leeds');
    const edit = pseudonymEdit(NOTE, at, at + 'Leeds'.length, { mapping });
    expect(edit).toMatchObject({ start: at, end: at + 5 });
    const full = anonymise(NOTE, { mapping });
    expect(full.text).toContain(edit!.replacement);
    const after = NOTE.slice(0, edit!.start) + edit!.replacement + NOTE.slice(edit!.end);
    expect(after).toContain('Megan Thursfield');
    expect(after).not.toContain('Leeds');
  });

  it('returns the mapping to keep, so the next note gives the same people the same pseudonyms', () => {
    const at = NOTE.indexOf('Tom Reyes');
    const edit = pseudonymEdit(NOTE, at, at + 9, { mapping: createPseudonymMapping() })!;
    const later = anonymise('Tom Reyes called me again.', { mapping: edit.mapping });
    expect(later.text).toContain(edit.replacement);
  });

  it('does nothing when the text there is no longer an identifier', () => {
    expect(pseudonymEdit('nothing identifying here at all', 0, 7, { mapping: createPseudonymMapping() })).toBeUndefined();
  });
});
