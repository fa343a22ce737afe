import { describe, expect, it } from 'vitest';
import { anonymise, createPseudonymMapping, findIdentifiers } from '@coach-guard/core';
import { planFindings, reviewKey } from '../../supervision-plugin/src/finding-plan';

const NOTE = `## What happened
Megan Thursfield is on a PIP at Halvard Logistics in Leeds. Her manager, Tom Reyes, emailed me on 14 March 2026 from tom.reyes@halvard.com.
She is the only female VP of Engineering there.`;

describe('core findings → editor findings', () => {
  it('makes each identifier a warning at its exact offsets, with the case pseudonym as the fix', () => {
    const mapping = createPseudonymMapping();
    const planned = planFindings(findIdentifiers(NOTE, { mapping }), { reviewed: [] });
    const warnings = planned.filter((p) => p.severity === 'warning');
    expect(warnings.map((w) => NOTE.slice(w.start, w.end))).toEqual(
      expect.arrayContaining(['Megan Thursfield', 'Halvard Logistics', 'Leeds', 'Tom Reyes', '14 March 2026', 'tom.reyes@halvard.com']),
    );
    const megan = warnings.find((w) => NOTE.slice(w.start, w.end) === 'Megan Thursfield')!;
    expect(megan.code).toBe('person');
    expect(megan.pseudonym).toBeTruthy();
    expect(megan.message).toContain('Megan Thursfield');
    expect(megan.message).toContain(megan.pseudonym!);
  });

  it('makes suspects information findings with their reason', () => {
    const mapping = createPseudonymMapping();
    const planned = planFindings(findIdentifiers(NOTE, { mapping }), { reviewed: [] });
    const info = planned.filter((p) => p.severity === 'information');
    expect(info.length).toBeGreaterThan(0);
    expect(info.some((i) => NOTE.slice(i.start, i.end).includes('VP of Engineering'))).toBe(true);
    expect(info.every((i) => i.pseudonym === undefined && i.message.startsWith('Check before sharing'))).toBe(true);
  });

  it('leaves out what the coach marked as reviewed', () => {
    const mapping = createPseudonymMapping();
    const report = findIdentifiers(NOTE, { mapping });
    const all = planFindings(report, { reviewed: [] });
    const leeds = all.find((p) => NOTE.slice(p.start, p.end) === 'Leeds')!;
    expect(leeds.reviewKey).toBe(reviewKey('place', 'Leeds'));
    const after = planFindings(report, { reviewed: [leeds.reviewKey] });
    expect(after).toHaveLength(all.length - 1);
    expect(after.some((p) => NOTE.slice(p.start, p.end) === 'Leeds')).toBe(false);
  });

  it('does not flag the case’s own pseudonyms in an anonymised note', () => {
    const result = anonymise(NOTE, {});
    const planned = planFindings(findIdentifiers(result.text, { mapping: result.mapping }), { reviewed: [] });
    expect(planned.filter((p) => p.severity === 'warning')).toEqual([]);
  });
});
