import { describe, expect, it } from 'vitest';
import type { Finding } from '../../core/src/index';
import { emptyCoachData } from '../../extension/lib/coach-data';
import { applySuppressions, ignoredId, pageSettingsFor } from '../../extension/lib/page-settings';
import { replacementFor, sentenceAround } from '../../extension/lib/finding-text';

const finding = (start: number, end: number, category: Finding['category'] = 'wellbeing', suggestion?: string): Finding => ({
  start, end, category, severity: 'high', message: 'm', ...(suggestion === undefined ? {} : { suggestion }),
});

describe('pageSettingsFor', () => {
  it('is on everywhere by default; the most specific site rule wins', () => {
    const data = { ...emptyCoachData(), sites: [{ id: 'example.com', enabled: false, hrPortal: false }, { id: 'mail.example.com', enabled: true, hrPortal: false }] };
    expect(pageSettingsFor('news.other.org', data).enabled).toBe(true);
    expect(pageSettingsFor('www.example.com', data).enabled).toBe(false);
    expect(pageSettingsFor('mail.example.com', data).enabled).toBe(true);
  });

  it('passes consent without storage ids, and the coach’s HR portals', () => {
    const data = { ...emptyCoachData(), consent: [{ id: 'k', coachee: 'Priya Shah', wording: 'w' }], sites: [{ id: 'hr.example', enabled: true, hrPortal: true }] };
    const s = pageSettingsFor('x', data);
    expect(s.consent).toEqual([{ coachee: 'Priya Shah', wording: 'w' }]);
    expect(s.hrPortals).toEqual(['hr.example']);
  });
});

describe('applySuppressions', () => {
  const text = 'She is anxious. He said “I quit”.';
  it('drops switched-off categories and ignored wording (case, spacing and quotes aside)', () => {
    const findings = [finding(0, 14), finding(16, 32, 'quotation')];
    expect(applySuppressions(findings, text, { categories: ['wellbeing'], ignored: [] })).toEqual([findings[0]]);
    expect(applySuppressions(findings, text, { categories: ['wellbeing', 'quotation'], ignored: [{ category: 'wellbeing', text: 'she  IS anxious' }] })).toEqual([findings[1]]);
    // Ignoring wording in one category does not silence another category on the same words.
    expect(applySuppressions([finding(0, 14, 'personal-life')], text, { categories: ['personal-life'], ignored: [{ category: 'wellbeing', text: 'She is anxious' }] })).toHaveLength(1);
  });

  it('ids ignored findings by category and normalised wording', () => {
    expect(ignoredId('quotation', ' He said ‘no’ ')).toBe("quotation:he said 'no'");
  });
});

describe('finding text', () => {
  it('finds the sentence a finding sits in', () => {
    const t = 'Dates are fixed. She has been anxious about the PIP. Thanks!';
    expect(sentenceAround(t, { start: 17, end: 40 })).toBe('She has been anxious about the PIP.');
    expect(sentenceAround('Line one\nShe is anxious', { start: 9, end: 23 })).toBe('She is anxious');
  });

  it('swallows the original full stop when the suggestion brings its own', () => {
    const t = 'She is anxious. Next.';
    expect(replacementFor(t, finding(0, 14, 'wellbeing', 'All good.'))).toEqual({ start: 0, end: 15, replacement: 'All good.' });
    expect(replacementFor(t, finding(0, 14, 'wellbeing', 'all good'))).toEqual({ start: 0, end: 14, replacement: 'all good' });
    expect(replacementFor(t, finding(0, 14, 'wellbeing'))).toEqual({ start: 0, end: 14, replacement: '' });
  });
});
