import { afterEach, describe, expect, it } from 'vitest';
import { analyse } from '../../core/src/index';
import { CLAUSE_SCORER } from '../../core/src/detect/clause-scorer-weights';
import { clauseFeatures, scoreClause, trainClauseScorer, useClauseScorer } from '../../core/src/detect/score-clause';
import { tokenise } from '../../core/src/detect/segment-text';

const clause = (s: string) => tokenise(s, 0, s.length);

describe('the learned clause scorer', () => {
  afterEach(() => useClauseScorer(CLAUSE_SCORER));

  it('folds names and numbers into placeholders so it learns wording, not people', () => {
    expect(clauseFeatures(clause('Since March Aoife has 3 new reports'))).toEqual(
      expect.arrayContaining(['since', '<cap>', '<cap> has', '<num>', 'new reports']),
    );
    expect(clauseFeatures(clause('Since March Aoife'))).not.toContain('aoife');
  });

  it('trains reproducibly and separates what it was shown', () => {
    const examples = [
      ...['she is carrying a lot of resentment', 'he is carrying real anger about the move', 'she is carrying guilt about it'].map((s) => ({ features: clauseFeatures(clause(s)), risky: true })),
      ...['the room is booked for tuesday', 'the invoice is attached', 'the call is at ten', 'we meet on the fourth'].map((s) => ({ features: clauseFeatures(clause(s)), risky: false })),
    ];
    const a = trainClauseScorer(examples);
    expect(trainClauseScorer(examples)).toEqual(a);
    useClauseScorer(a);
    expect(scoreClause(clause('he is carrying a lot of anger'))).toBeGreaterThan(0.5);
    expect(scoreClause(clause('the room is booked'))).toBeLessThan(0.5);
  });

  it('switched off, scores nothing', () => {
    useClauseScorer(null);
    expect(scoreClause(clause('she is carrying a lot of resentment'))).toBe(0);
  });

  it('never speaks for the rules’ quiet cases: a decline, a message to the coachee, arrangements', () => {
    // A scorer that calls everything a disclosure still leaves these quiet.
    useClauseScorer({ bias: 10, threshold: 0.5, weights: {} });
    expect(analyse("I can't comment on how Mira is doing; she's best placed to tell you herself.", { channel: 'email', recipientRole: 'sponsor' })).toEqual([]);
    expect(analyse('You have been carrying a lot lately, Mira.', { channel: 'email', recipientRole: 'coachee' })).toEqual([]);
    expect(analyse("He's fine with the change to Thursday.", { channel: 'email', recipientRole: 'sponsor' })).toEqual([]);
    expect(analyse('The masterclass for Bluefin team leaders is on 12 November.', { channel: 'email', recipientRole: 'manager' })).toEqual([]);
  });

  it('with the shipped weights, catches wording no rule names', () => {
    const findings = analyse("Between you and me, he's carrying a lot of bitterness about being overlooked last year.", { channel: 'email', recipientRole: 'manager' });
    expect(findings.length).toBeGreaterThan(0);
  });
});
