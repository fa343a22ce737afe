/**
 * Consent: stretches of the message the coachee approved for this reader. Two sources:
 * `context.consent` records (exact approved wording, recipients, expiry), and the message itself
 * saying the coachee wrote or approved what follows ("Eamon has written the paragraph below").
 */
import type { Segment } from './segment-text';
import type { AnalyseContext, ConsentRecord, RecipientRole } from './types';

const SPONSOR_SIDE: RecipientRole[] = ['sponsor', 'hr', 'manager', 'unknown'];

/** Today as YYYY-MM-DD, the form consent `until` dates are written in. */
function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Whether a record lets this wording go to this reader today. */
export function consentHolds(record: ConsentRecord, role: RecipientRole, today = todayIso()): boolean {
  const allowed = record.recipients && record.recipients.length > 0 ? record.recipients : SPONSOR_SIDE;
  if (!allowed.includes(role)) return false;
  if (record.until !== undefined && record.until < today) return false;
  return typeof record.wording === 'string' && record.wording.trim() !== '';
}

/**
 * Where approved wordings occur in `text`, compared without regard to case, spacing or curly
 * quotes, so a re-flowed paste of the approved paragraph still counts.
 */
export function consentedRanges(text: string, context: AnalyseContext): Segment[] {
  const records = (context.consent ?? []).filter((r) => consentHolds(r, context.recipientRole, context.today));
  return findWordings(text, records).map(({ start, end }) => ({ start, end }));
}

/** A stretch of approved wording whose consent does not hold here: expired, or for another reader. */
export interface LapsedConsent extends Segment {
  record: ConsentRecord;
  reason: 'expired' | 'other-recipient';
}

/**
 * Approved wording used where its consent no longer holds. The coach should hear about it even
 * when the words themselves look harmless: the coachee agreed to them for someone else, or until a date.
 */
export function lapsedConsents(text: string, context: AnalyseContext): LapsedConsent[] {
  const today = context.today ?? todayIso();
  const records = (context.consent ?? []).filter((r) => typeof r?.wording === 'string' && !consentHolds(r, context.recipientRole, today));
  return findWordings(text, records).map((found) => ({
    ...found,
    reason: found.record.until !== undefined && found.record.until < today ? 'expired' : 'other-recipient',
  }));
}

function findWordings(text: string, records: ConsentRecord[]): (Segment & { record: ConsentRecord })[] {
  if (records.length === 0) return [];
  const { normal, map } = normalise(text);
  const ranges: (Segment & { record: ConsentRecord })[] = [];
  for (const record of records) {
    const wording = normalise(record.wording).normal.trim();
    if (wording === '') continue;
    let from = 0;
    for (;;) {
      const at = normal.indexOf(wording, from);
      if (at < 0) break;
      ranges.push({ start: map[at]!, end: map[at + wording.length - 1]! + 1, record });
      from = at + wording.length;
    }
  }
  return ranges;
}

function normalise(text: string): { normal: string; map: number[] } {
  let normal = '';
  const map: number[] = [];
  let space = false;
  for (let i = 0; i < text.length; i++) {
    let c = text[i]!;
    if (/\s/.test(c)) {
      if (space) continue;
      space = true;
      c = ' ';
    } else {
      space = false;
      if (c === '\u2019' || c === '\u2018') c = "'";
      else if (c === '\u201c' || c === '\u201d') c = '"';
      else c = c.toLowerCase();
    }
    normal += c;
    map.push(i);
  }
  return { normal, map };
}

/**
 * The stretch a "the coachee wrote this" sentence vouches for: the sentence itself, and when it
 * introduces something with a colon, the rest of its paragraph or (colon at the end) the next one.
 */
export function vouchedRange(text: string, sentence: Segment): Segment {
  const own = text.slice(sentence.start, sentence.end);
  const colon = own.lastIndexOf(':');
  // "…is happy for it to go to you unedited — pasted below." points forward like a colon does.
  const pointsBelow = /\bbelow\W*$/i.test(own);
  if (colon < 0 && !pointsBelow) return sentence;
  const paragraphEnd = (from: number) => {
    const blank = text.indexOf('\n\n', from);
    return blank < 0 ? text.length : blank;
  };
  if (pointsBelow || own.slice(colon + 1).trim() === '') {
    let next = sentence.end;
    while (next < text.length && /\s/.test(text[next]!)) next++;
    return { start: sentence.start, end: paragraphEnd(next) };
  }
  return { start: sentence.start, end: paragraphEnd(sentence.start + colon) };
}
