/**
 * Threat: text pasted or typed into a field crashes or hangs the detector, or yields offsets that
 * make the extension underline (or Apply a rewrite to) the wrong characters.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyse, CATEGORIES, createIncrementalAnalyser, RECIPIENT_ROLES, type AnalyseContext } from '@coach-guard/core';
import { hostileRoster, hostileText, largeInputs } from '../helpers/hostile-text';

const contexts = fc.record({
  channel: fc.constantFrom('email', 'hr-portal', 'chat', 'other' as const),
  recipientRole: fc.constantFrom(...RECIPIENT_ROLES),
  roster: fc.option(fc.constant(hostileRoster), { nil: undefined }),
}) as fc.Arbitrary<AnalyseContext>;

function expectWellFormed(text: string, findings: ReturnType<typeof analyse>) {
  expect(Array.isArray(findings)).toBe(true);
  for (const f of findings) {
    expect(Number.isInteger(f.start) && Number.isInteger(f.end)).toBe(true);
    expect(f.start).toBeGreaterThanOrEqual(0);
    expect(f.end).toBeLessThanOrEqual(text.length);
    expect(f.start).toBeLessThan(f.end);
    expect(CATEGORIES).toContain(f.category);
    expect(f.message.length).toBeGreaterThan(0);
  }
}

describe('analyse on hostile input', () => {
  it('never throws and keeps every offset inside the text (random Unicode, RTL, zero-width, surrogates)', () => {
    fc.assert(
      fc.property(hostileText(), contexts, (text, context) => {
        expectWellFormed(text, analyse(text, context));
      }),
      { numRuns: 400 },
    );
  });

  it('the incremental analyser agrees with a full analysis after random edits', () => {
    fc.assert(
      fc.property(hostileText(200), fc.array(fc.tuple(fc.nat(), fc.nat(3), hostileText(3)), { maxLength: 6 }), contexts, (start, edits, context) => {
        const incremental = createIncrementalAnalyser();
        let text = start;
        incremental.analyse(text, context);
        for (const [at, remove, insert] of edits) {
          const i = text.length === 0 ? 0 : at % (text.length + 1);
          text = text.slice(0, i) + insert + text.slice(i + remove);
          const findings = incremental.analyse(text, context);
          expectWellFormed(text, findings);
          expect(findings).toEqual(analyse(text, context));
        }
      }),
      { numRuns: 150 },
    );
  });

  it.each(Object.entries(largeInputs()))('a 1 MB input (%s) is analysed without throwing', (_shape, text) => {
    expectWellFormed(text, analyse(text, { channel: 'email', recipientRole: 'sponsor', roster: hostileRoster }));
  });
});
