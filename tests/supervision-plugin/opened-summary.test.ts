import { describe, expect, it } from 'vitest';
import type { OpenedDocument } from '../../core/src/index';
import { renderOpenedSummary } from '../../supervision-plugin/src/opened-summary';

const opened = (keyExpiredSince?: Date): OpenedDocument => ({
  document: {
    kind: 'case',
    formatVersion: 1,
    caseId: 'case-1',
    createdAt: '2026-11-01T09:00:00.000Z',
    coachFingerprint: 'AAAA BBBB CCCC DDDD EEEE FFFF 0000 1111 2222 3333',
    notes: [{ title: 'Session 2', markdown: 'x' }],
    questions: ['What am I missing?'],
  },
  signer: {
    fingerprint: 'AAAA BBBB CCCC DDDD EEEE FFFF 0000 1111 2222 3333',
    userId: 'Alex Coach <alex@coach.example>',
    date: new Date('2026-11-01T09:00:00Z'),
    ...(keyExpiredSince ? { keyExpiredSince } : {}),
  },
});

describe('the opened summary', () => {
  it('names the verified signer, the question and the notes', () => {
    const text = renderOpenedSummary(opened());
    expect(text).toContain('**Signature verified.** Signed by Alex Coach <alex@coach.example>');
    expect(text).toContain('- What am I missing?');
    expect(text).toContain('1. Session 2');
    expect(text).not.toMatch(/expired/);
  });

  it('says when the signer’s key has expired since it signed', () => {
    expect(renderOpenedSummary(opened(new Date('2026-11-10T00:00:00Z')))).toContain("The signer's key has expired since (2026-11-10)");
  });
});
