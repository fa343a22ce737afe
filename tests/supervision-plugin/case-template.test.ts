import { describe, expect, it } from 'vitest';
import { findIdentifiers } from '@coach-guard/core';
import { renderCaseTemplate } from '../../supervision-plugin/src/case-template';

describe('new case template', () => {
  const template = renderCaseTemplate({ title: 'PIP and the sponsor' });

  it('asks what supervision works with', () => {
    for (const heading of ['The contract and the parties', 'What happened', 'What I noticed in myself', 'The ethical question', 'What I want from supervision']) {
      expect(template).toContain(`## ${heading}`);
    }
    expect(template).toMatch(/collusion.*several clients in one organisation.*boundaries.*referral.*ending/is);
  });

  it('does not itself trip the identifier finder, so a fresh note starts without warnings', () => {
    expect(findIdentifiers(template, {}).identifiers).toEqual([]);
  });
});
