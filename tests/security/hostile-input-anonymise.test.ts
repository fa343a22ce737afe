/**
 * Threat: a case note with odd text crashes the anonymiser (the coach then shares it by hand, or
 * loses it), or yields offsets that point replacements and diagnostics at the wrong characters.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anonymise, findIdentifiers, IDENTIFIER_TYPES } from '@coach-guard/core';
import { hostileRoster, hostileText, largeInputs } from '../helpers/hostile-text';

const rosters = fc.option(fc.constant(hostileRoster), { nil: undefined });

describe('anonymise on hostile input', () => {
  it('never throws; replacements point into the original, suspects into the output', () => {
    fc.assert(
      fc.property(hostileText(), rosters, (text, roster) => {
        const result = anonymise(text, roster ? { roster } : {});
        let previousEnd = 0;
        for (const r of result.replacements) {
          expect(r.start).toBeGreaterThanOrEqual(previousEnd);
          expect(r.end).toBeLessThanOrEqual(text.length);
          expect(r.start).toBeLessThan(r.end);
          expect(text.slice(r.start, r.end)).toBe(r.original);
          expect(IDENTIFIER_TYPES).toContain(r.type);
          previousEnd = r.end;
        }
        for (const s of result.suspects) {
          expect(s.start).toBeGreaterThanOrEqual(0);
          expect(s.end).toBeLessThanOrEqual(result.text.length);
          expect(result.text.slice(s.start, s.end)).toBe(s.text);
        }
        expect(result.note.text).toBe(result.text);
      }),
      { numRuns: 300 },
    );
  });

  it('findIdentifiers offsets are inside the text and match their words', () => {
    fc.assert(
      fc.property(hostileText(), rosters, (text, roster) => {
        const report = findIdentifiers(text, roster ? { roster } : {});
        for (const id of report.identifiers) {
          expect(id.start).toBeGreaterThanOrEqual(0);
          expect(id.end).toBeLessThanOrEqual(text.length);
          expect(text.slice(id.start, id.end)).toBe(id.text);
        }
        for (const s of report.suspects) expect(text.slice(s.start, s.end)).toBe(s.text);
      }),
      { numRuns: 300 },
    );
  });

  it('replacing the reported spans reproduces the anonymised text exactly', () => {
    fc.assert(
      fc.property(hostileText(), (text) => {
        const result = anonymise(text, { roster: hostileRoster });
        let rebuilt = '';
        let at = 0;
        for (const r of result.replacements) {
          rebuilt += text.slice(at, r.start) + r.replacement;
          at = r.end;
        }
        expect(rebuilt + text.slice(at)).toBe(result.text);
      }),
      { numRuns: 200 },
    );
  });

  it.each(Object.entries(largeInputs()))('a 1 MB input (%s) is anonymised without throwing', (_shape, text) => {
    const result = anonymise(text, { roster: hostileRoster });
    expect(typeof result.text).toBe('string');
  });
});
