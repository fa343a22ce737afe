/**
 * The first note of a new supervision case. The headings are the questions supervision works with
 * (see DOMAIN.md, "What a supervision case looks like"); the prompts under them are there to help
 * the coach think, and to remind them that the parties appear by role only.
 */
export interface CaseTemplateOptions {
  title: string;
}

export function renderCaseTemplate({ title }: CaseTemplateOptions): string {
  return `# ${title}

<!-- Write freely: whatever could identify your client is underlined as you type.
     When the case is ready, anonymise each note, review what is left, then seal. -->

## The contract and the parties
Who is involved, by role only: the coachee, the sponsor (who pays), their manager, HR.
What was agreed in contracting: number of sessions, what may be shared with the sponsor, how.

## What happened
The sessions so far, and the moment that brought this case to supervision.

## What I noticed in myself
Frustration, over-identifying with the client or the employer, wanting to rescue, feeling stuck…

## The ethical question
Confidentiality · collusion · several clients in one organisation · boundaries · referral · ending.
Which of these is alive here, and what makes it hard?

## What I want from supervision
`;
}
