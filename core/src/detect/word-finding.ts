/**
 * The reason and the safer wording for each finding, in the coach's words. The reader's role
 * changes how a reason is put (HR, a manager, another client), never whether it is given.
 */
import type { Category, RecipientRole, Severity } from './types';

function reader(role: RecipientRole): string {
  switch (role) {
    case 'sponsor':
      return 'the sponsor';
    case 'hr':
      return 'HR';
    case 'manager':
      return 'their manager';
    case 'coachee':
    case 'other-client':
      return 'another client';
    default:
      return 'whoever reads this';
  }
}

const capitalise = (s: string) => (s ? s[0]!.toUpperCase() + s.slice(1) : s);

export function wordFinding(
  category: Category,
  role: RecipientRole,
  name: string | undefined,
  weak: boolean,
): { severity: Severity; message: string; suggestion?: string } {
  const who = name ? capitalise(name) : 'your client';
  const Who = name ? capitalise(name) : 'Your client';
  const whose = name ? `${capitalise(name)}'s` : "your client's";
  const r = reader(role);
  const unknown = role === 'unknown' ? "You can't be sure who will read this, and it " : 'This ';
  switch (category) {
    case 'wellbeing':
      return {
        severity: weak ? 'medium' : 'high',
        message: `${unknown}tells ${r} about ${whose} health or feelings, which were shared with you in confidence.`,
        suggestion: `Sessions are going ahead as planned; anything personal is ${whose} to share.`,
      };
    case 'personal-life':
      return {
        severity: weak ? 'medium' : 'high',
        message: `${unknown}tells ${r} about ${whose} life outside work, which isn't yours to share.`,
        suggestion: `Sessions are going ahead as planned; anything personal is ${whose} to share.`,
      };
    case 'career-intent':
      return {
        severity: 'high',
        message: `${unknown}tells ${r} about ${whose} plans or complaints, which could be used against them.`,
        suggestion: `${Who} is best placed to talk to you about their plans.`,
      };
    case 'outcome-prediction':
      return {
        severity: weak ? 'medium' : 'high',
        message: `${unknown}predicts or recommends an outcome for ${who}, which puts you inside an employment decision that isn't yours to influence.`,
        suggestion: `I'm not part of any assessment; ${who} is best placed to talk about their plan and progress.`,
      };
    case 'progress-judgement':
      return {
        severity: 'medium',
        message: `${unknown}gives ${r} your view of how ${who} is doing; even a kind summary is a judgement they may act on, and it's ${whose} to give.`,
        suggestion: `I can confirm sessions are going ahead as agreed; ${who} is best placed to share how it's going.`,
      };
    case 'session-content':
      return {
        severity: 'medium',
        message: `${unknown}passes on what ${who} brought to a session, which stays between the two of you.`,
        suggestion: `Our sessions are going ahead as planned; ${who} is welcome to share what we're working on.`,
      };
    case 'third-party':
      return role === 'coachee' || role === 'other-client'
        ? { severity: 'high', message: "This tells one client about another client's situation or words; each client's coaching stays private." }
        : {
            severity: 'high',
            message: `${unknown}passes on what ${who} said about someone else at work, which can hurt them both.`,
            suggestion: `${Who} is welcome to raise anything about the team with you directly.`,
          };
    case 'quotation':
      return {
        severity: 'high',
        message: `${unknown}quotes ${whose} own words from a session; a quote is the clearest breach of confidence.`,
        suggestion: `${Who} is welcome to share their own view with you directly.`,
      };
  }
}
