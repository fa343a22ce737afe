/**
 * Core findings → what the editor shows. Pure: offsets in, offsets out; `extension.ts` turns them
 * into `vscode.Range`s. Identifiers are warnings (each one would reveal the client), suspects are
 * information (a human should judge them).
 */
import type { Identifier, IdentifierReport, Suspect } from '@coach-guard/core';

export type FindingSeverity = 'warning' | 'information';

export interface PlannedFinding {
  start: number;
  end: number;
  severity: FindingSeverity;
  message: string;
  /** Shown as the diagnostic's code: the identifier type or the suspect kind. */
  code: string;
  /** The case's pseudonym for an identifier: offered as a quick fix. */
  pseudonym?: string;
  /** What "Mark as reviewed" records. */
  reviewKey: string;
}

const TYPE_WORDS: Record<Identifier['type'], string> = {
  person: 'a name',
  organisation: 'an organisation',
  place: 'a place',
  date: 'a date',
  email: 'an email address',
  phone: 'a phone number',
  url: 'a web address',
  'id-number': 'an id number',
};

export function reviewKey(kind: string, text: string): string {
  return `${kind}:${text.trim().toLowerCase()}`;
}

export function planFindings(report: IdentifierReport, options: { reviewed: readonly string[] }): PlannedFinding[] {
  const reviewed = new Set(options.reviewed);
  const planned: PlannedFinding[] = [];
  for (const id of report.identifiers) {
    const key = reviewKey(id.type, id.text);
    if (reviewed.has(key)) continue;
    planned.push({
      start: id.start,
      end: id.end,
      severity: 'warning',
      message: `“${id.text}” is ${TYPE_WORDS[id.type]} that could identify the client; the case’s pseudonym is “${id.pseudonym}”.`,
      code: id.type,
      pseudonym: id.pseudonym,
      reviewKey: key,
    });
  }
  for (const suspect of report.suspects) {
    const key = reviewKey(suspect.kind, suspect.text);
    if (reviewed.has(key)) continue;
    planned.push({
      start: suspect.start,
      end: suspect.end,
      severity: 'information',
      message: `Check before sharing: ${suspectLead(suspect)} — ${suspect.reason}`,
      code: suspect.kind,
      reviewKey: key,
    });
  }
  return planned.sort((a, b) => a.start - b.start || a.end - b.end);
}

function suspectLead(suspect: Suspect): string {
  return `“${suspect.text}”`;
}

/** What still stands between a case and sealing it, counted over the notes to be sealed. */
export interface SealReadiness {
  identifiers: PlannedFinding[];
  suspects: PlannedFinding[];
}

export function sealReadiness(findings: PlannedFinding[]): SealReadiness {
  return {
    identifiers: findings.filter((f) => f.severity === 'warning'),
    suspects: findings.filter((f) => f.severity === 'information'),
  };
}
