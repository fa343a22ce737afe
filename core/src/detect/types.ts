import type { Roster } from '../roster';

/** What kind of confidential content a finding is. The names are a public contract. */
export type Category =
  | 'session-content'
  | 'wellbeing'
  | 'personal-life'
  | 'progress-judgement'
  | 'outcome-prediction'
  | 'career-intent'
  | 'third-party'
  | 'quotation';

export const CATEGORIES: readonly Category[] = [
  'session-content',
  'wellbeing',
  'personal-life',
  'progress-judgement',
  'outcome-prediction',
  'career-intent',
  'third-party',
  'quotation',
];

export type Severity = 'high' | 'medium' | 'low';

export type Channel = 'email' | 'hr-portal' | 'chat' | 'other';
export const CHANNELS: readonly Channel[] = ['email', 'hr-portal', 'chat', 'other'];

/** Who will read the text. `unknown` is no reason to stay quiet. */
export type RecipientRole = 'sponsor' | 'hr' | 'manager' | 'coachee' | 'other-client' | 'unknown';
export const RECIPIENT_ROLES: readonly RecipientRole[] = ['sponsor', 'hr', 'manager', 'coachee', 'other-client', 'unknown'];

/** Wording a coachee approved for given recipients; text matching it is not flagged. */
export interface ConsentRecord {
  /** The coachee's name as in the roster. */
  coachee: string;
  /** The exact approved wording. */
  wording: string;
  /** Recipient roles it may go to; empty or absent means any sponsor-side reader. */
  recipients?: RecipientRole[];
  /** ISO date (YYYY-MM-DD) after which the consent no longer holds. */
  until?: string;
}

export interface AnalyseContext {
  channel: Channel;
  recipientRole: RecipientRole;
  roster?: Roster;
  consent?: ConsentRecord[];
  /** The coachee the message is to or about, when the host knows it (e.g. from the To field). */
  coachee?: string;
  /** Today's date (YYYY-MM-DD) for consent expiry; defaults to the current date. */
  today?: string;
}

/** One risky stretch of text, with offsets into the analysed string (UTF-16 code units). */
export interface Finding {
  start: number;
  end: number;
  category: Category;
  severity: Severity;
  /** One plain sentence, in the coach's words, saying why this is a risk. */
  message: string;
  /** A safer rewrite of the underlined words, where one exists. */
  suggestion?: string;
}
