/**
 * The payload inside a sealed file: one markdown document a supervisor can read with nothing but
 * `gpg --decrypt case.gpg > case.md`, and that `parseCaseDocument` reads back exactly.
 *
 * Structure is carried by marker lines `<!-- cg-<32 random hex> kind -->`. The boundary is fresh
 * per document and checked not to occur in any note, so note text (which may quote anything,
 * including `## headings` or `---`) can never end a section or start a new one: the same idea as
 * a MIME multipart boundary.
 */
import {
  CASE_FORMAT_VERSION,
  type CaseNote,
  type SealedDocument,
  type SupervisionCase,
  type SupervisionReply,
} from './case-types';
import { SealError } from './seal-error';

const QUESTION_HEADING = '## Question for supervision';
const ID_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;
const FINGERPRINT_PATTERN = /^[0-9A-F]{4}( [0-9A-F]{4}){9}$/;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const BOUNDARY_PATTERN = /^cg-[0-9a-f]{32}$/;

/**
 * Renders a case or reply as the markdown document that gets sealed.
 *
 * @example
 * ```ts
 * const markdown = renderCaseDocument(openedCase.case); // what `gpg --decrypt` prints
 * ```
 */
export function renderCaseDocument(document: SealedDocument, boundary: string = randomBoundary()): string {
  validateDocument(document);
  const contents = [...document.notes.flatMap((n) => [n.title, n.markdown]), ...(document.kind === 'case' ? document.questions : [])];
  while (contents.some((c) => c.includes(boundary))) boundary = randomBoundary();
  const header: [string, string][] =
    document.kind === 'case'
      ? [
          ['coach-guard', 'supervision-case'],
          ['format-version', String(document.formatVersion)],
          ['case-id', document.caseId],
          ['created-at', document.createdAt],
          ['coach-fingerprint', document.coachFingerprint],
        ]
      : [
          ['coach-guard', 'supervision-reply'],
          ['format-version', String(document.formatVersion)],
          ['reply-id', document.replyId],
          ['in-reply-to', document.inReplyTo],
          ['created-at', document.createdAt],
          ['supervisor-fingerprint', document.supervisorFingerprint],
        ];
  if (document.deleteAfter !== undefined) header.push(['delete-after', document.deleteAfter]);
  header.push(['boundary', boundary]);

  const out = ['---\n', ...header.map(([k, v]) => `${k}: ${v}\n`), '---\n\n'];
  out.push(document.kind === 'case' ? `# Supervision case ${document.caseId}\n\n` : `# Supervision reply to case ${document.inReplyTo}\n\n`);
  if (document.deleteAfter !== undefined) out.push(`Please delete this ${document.kind} after ${document.deleteAfter}.\n\n`);
  const part = (kind: string, heading: string, body: string) => out.push(`<!-- ${boundary} ${kind} -->\n${heading}\n\n${body}\n\n`);
  if (document.kind === 'case') for (const q of document.questions) part('question', QUESTION_HEADING, q);
  for (const note of document.notes) part('note', `## ${note.title}`, note.markdown);
  out.push(`<!-- ${boundary} end -->\n`);
  return out.join('');
}

/**
 * Reads a document made by `renderCaseDocument` back, exactly. Anything else is `malformed-case`;
 * a newer format is `unsupported-version`.
 *
 * @example
 * ```ts
 * const doc = parseCaseDocument(markdown); // { kind: 'case', notes: [...], ... }
 * ```
 */
export function parseCaseDocument(text: string): SealedDocument {
  const malformed = (why: string) => new SealError('malformed-case', `the sealed content is not a Coach Guard case: ${why}`);
  // A reply written by hand on Windows and sealed with plain gpg has CRLF line ends throughout.
  // Only a document whose own header is CRLF is normalised: ours keep their notes byte for byte.
  if (text.startsWith('---\r\n')) text = text.replace(/\r\n/g, '\n');
  if (!text.startsWith('---\n')) throw malformed('no header');
  const headerEnd = text.indexOf('\n---\n', 3);
  if (headerEnd < 0) throw malformed('the header is not closed');
  const fields = new Map<string, string>();
  for (const line of text.slice(4, headerEnd).split('\n')) {
    const match = /^([a-z-]+): (.*)$/.exec(line);
    if (!match) throw malformed(`bad header line "${line.slice(0, 60)}"`);
    if (fields.has(match[1]!)) throw malformed(`header field "${match[1]}" appears twice`);
    fields.set(match[1]!, match[2]!);
  }
  const kindField = fields.get('coach-guard');
  if (kindField !== 'supervision-case' && kindField !== 'supervision-reply') throw malformed('no "coach-guard" header field');
  const version = fields.get('format-version');
  if (version !== String(CASE_FORMAT_VERSION)) {
    throw new SealError('unsupported-version', `this case uses format version ${version ?? '(none)'}; this Coach Guard reads version ${CASE_FORMAT_VERSION} — update Coach Guard`);
  }
  const kind = kindField === 'supervision-case' ? 'case' : 'reply';
  const allowed =
    kind === 'case'
      ? ['coach-guard', 'format-version', 'case-id', 'created-at', 'coach-fingerprint', 'delete-after', 'boundary']
      : ['coach-guard', 'format-version', 'reply-id', 'in-reply-to', 'created-at', 'supervisor-fingerprint', 'delete-after', 'boundary'];
  for (const key of fields.keys()) if (!allowed.includes(key)) throw malformed(`unknown header field "${key}"`);
  const boundary = fields.get('boundary') ?? '';
  if (!BOUNDARY_PATTERN.test(boundary)) throw malformed('missing or bad boundary');

  const markerPattern = new RegExp(`^<!-- ${boundary} (question|note|end) -->$`, 'gm');
  const body = text.slice(headerEnd + 5);
  const markers = [...body.matchAll(markerPattern)];
  const last = markers.at(-1);
  if (!last || last[1] !== 'end') throw malformed('no end marker');
  if (body.slice(last.index + last[0].length) !== '\n') throw malformed('content after the end marker');
  const questions: string[] = [];
  const notes: CaseNote[] = [];
  for (let i = 0; i < markers.length - 1; i++) {
    const marker = markers[i]!;
    const content = body.slice(marker.index + marker[0].length + 1, markers[i + 1]!.index);
    if (!content.endsWith('\n\n')) throw malformed('a section does not end with a blank line');
    const section = content.slice(0, -2);
    if (marker[1] === 'question') {
      if (kind !== 'case') throw malformed('a reply has no questions');
      if (!section.startsWith(`${QUESTION_HEADING}\n\n`)) throw malformed('a question without its heading');
      questions.push(section.slice(QUESTION_HEADING.length + 2));
    } else if (marker[1] === 'note') {
      const match = /^## ([^\n]*)\n\n/.exec(section);
      if (!match) throw malformed('a note without its title');
      notes.push({ title: match[1]!, markdown: section.slice(match[0].length) });
    } else {
      throw malformed('an end marker before the end');
    }
  }
  const createdAt = fields.get('created-at') ?? '';
  const deleteAfter = fields.get('delete-after');
  const document: SealedDocument =
    kind === 'case'
      ? {
          kind,
          formatVersion: CASE_FORMAT_VERSION,
          caseId: fields.get('case-id') ?? '',
          createdAt,
          coachFingerprint: fields.get('coach-fingerprint') ?? '',
          notes,
          questions,
          ...(deleteAfter !== undefined ? { deleteAfter } : {}),
        }
      : {
          kind,
          formatVersion: CASE_FORMAT_VERSION,
          replyId: fields.get('reply-id') ?? '',
          inReplyTo: fields.get('in-reply-to') ?? '',
          createdAt,
          supervisorFingerprint: fields.get('supervisor-fingerprint') ?? '',
          notes,
          ...(deleteAfter !== undefined ? { deleteAfter } : {}),
        };
  try {
    validateDocument(document);
  } catch (error) {
    throw malformed(error instanceof Error ? error.message : String(error));
  }
  return document;
}

/** Checks every field a sealed document carries; throws `invalid-input` naming the first bad one. */
export function validateDocument(document: SealedDocument): void {
  const bad = (why: string) => new SealError('invalid-input', why);
  if (document.formatVersion !== CASE_FORMAT_VERSION) throw bad(`formatVersion must be ${CASE_FORMAT_VERSION}`);
  if (document.kind === 'case') {
    if (!ID_PATTERN.test(document.caseId)) throw bad(`case id "${document.caseId}" must be 1–64 letters, digits, ".", "_" or "-"`);
    if (!FINGERPRINT_PATTERN.test(document.coachFingerprint)) throw bad('coach fingerprint must be 40 hex digits grouped in fours');
    if (document.questions.length === 0) throw bad('a case needs at least one question for supervision');
    for (const q of document.questions) if (q.trim() === '') throw bad('a question for supervision is empty');
  } else if (document.kind === 'reply') {
    if (!ID_PATTERN.test(document.replyId)) throw bad(`reply id "${document.replyId}" must be 1–64 letters, digits, ".", "_" or "-"`);
    if (!ID_PATTERN.test(document.inReplyTo)) throw bad(`"in reply to" case id "${document.inReplyTo}" is not a case id`);
    if (!FINGERPRINT_PATTERN.test(document.supervisorFingerprint)) throw bad('supervisor fingerprint must be 40 hex digits grouped in fours');
  } else {
    throw bad('kind must be "case" or "reply"');
  }
  if (!isIsoInstant(document.createdAt)) throw bad(`created-at "${document.createdAt}" is not an ISO 8601 UTC time`);
  if (document.deleteAfter !== undefined && !isCalendarDate(document.deleteAfter)) throw bad(`delete-after "${document.deleteAfter}" is not a date (YYYY-MM-DD)`);
  if (document.notes.length === 0) throw bad(`a ${document.kind} needs at least one note`);
  for (const note of document.notes) {
    if (typeof note.title !== 'string' || typeof note.markdown !== 'string') throw bad('a note needs a title and markdown text');
    if (note.title.trim() === '' || /[\r\n]/.test(note.title)) throw bad(`note title "${note.title.slice(0, 40)}" must be one non-empty line`);
  }
}

export function isCalendarDate(value: string): boolean {
  if (!DATE_PATTERN.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function isIsoInstant(value: string): boolean {
  const date = new Date(value);
  return !Number.isNaN(date.getTime()) && date.toISOString() === value;
}

/** A random hex string from the platform's CSPRNG (Node, browsers and workers all have one). */
export function randomHex(bytes: number): string {
  const buffer = new Uint8Array(bytes);
  (globalThis as unknown as { crypto: { getRandomValues(array: Uint8Array): Uint8Array } }).crypto.getRandomValues(buffer);
  return [...buffer].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function randomBoundary(): string {
  return `cg-${randomHex(16)}`;
}

export type { SupervisionCase, SupervisionReply };
