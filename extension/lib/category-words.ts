/** The categories and readers in the words a coach would use on a card. */
import type { Category, RecipientRole } from '@coach-guard/core';

export const CATEGORY_WORDS: Record<Category, string> = {
  'session-content': 'What was said in a session',
  wellbeing: 'Health or wellbeing',
  'personal-life': 'Personal life',
  'progress-judgement': 'A judgement of progress',
  'outcome-prediction': 'A prediction about the outcome',
  'career-intent': 'Career intentions',
  'third-party': "Someone else's situation",
  quotation: "The coachee's own words",
};

export const READER_WORDS: Record<RecipientRole, string> = {
  sponsor: 'the sponsor',
  hr: 'HR',
  manager: 'a manager',
  coachee: 'your coachee',
  'other-client': 'another of your clients',
  unknown: 'someone Coach Guard cannot identify',
};
