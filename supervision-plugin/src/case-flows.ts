/**
 * Sealing, opening and replying as flows over the `Ui` port. Everything that decides whether a
 * note is anonymous, and everything cryptographic, is core's; these functions only ask the person
 * for what core needs and say plainly what happened.
 */
import {
  findIdentifiers,
  findKey,
  isSealError,
  openSealed,
  readPublicKey,
  readStoredPublicKeys,
  sealCase,
  sealedForKeyIds,
  sealReply,
  type OpenedDocument,
  type Roster,
  type SupervisionCase,
  type SupervisionReply,
} from '@coach-guard/core';
import { noteTitle } from './case-folder';
import { planFindings, sealReadiness, type PlannedFinding } from './finding-plan';
import { chooseMyKey, chooseRecipientKey, messageOf, myKeysFor, unlockMyKey, type DescribedKey, type KeyDeps } from './key-flows';
import type { CaseState } from './plugin-storage';

export interface NoteFile {
  fileName: string;
  text: string;
}

export interface SealRequest {
  caseId: string;
  /** The anonymised notes to seal. */
  notes: NoteFile[];
  /** File names of the case's notes that have no anonymised version (they are not sealed). */
  notAnonymised?: string[];
  state: CaseState;
  roster?: Roster;
  /** Today, for checking a delete-after date; defaults to now. */
  today?: Date;
}

export interface SealOutcome {
  bytes: Uint8Array;
  fileName: string;
  document: SupervisionCase;
  supervisor: DescribedKey;
}

/** What still identifies someone in the notes to be sealed, as the editor would underline it. */
export function findingsInNotes(notes: NoteFile[], state: CaseState, roster?: Roster): { note: string; finding: PlannedFinding }[] {
  return notes.flatMap((note) =>
    planFindings(findIdentifiers(note.text, { mapping: state.mapping, ...(roster ? { roster } : {}) }), {
      reviewed: state.reviewed,
    }).map((finding) => ({ note: note.fileName, finding })),
  );
}

export async function sealCaseFlow(deps: KeyDeps, request: SealRequest): Promise<SealOutcome | undefined> {
  const { ui } = deps;
  if (request.notes.length === 0) {
    ui.error('Coach Guard: nothing to seal yet. Run "Coach Guard: Anonymise Note" on the case’s notes first; only anonymised notes are sealed.');
    return undefined;
  }
  const left = request.notAnonymised ?? [];
  if (left.length) {
    const go = await ui.confirm(
      `Coach Guard: ${left.join(', ')} ${left.length === 1 ? 'has' : 'have'} no anonymised version and will not be sealed.`,
      'Run "Coach Guard: Anonymise Note" on it to include it in the case.',
      'Seal without it',
    );
    if (!go) return undefined;
  }
  const remaining = findingsInNotes(request.notes, request.state, request.roster);
  const { identifiers, suspects } = sealReadiness(remaining.map((r) => r.finding));
  if (identifiers.length || suspects.length) {
    const parts = [
      identifiers.length ? `${identifiers.length} identifier${identifiers.length === 1 ? '' : 's'} remain` : '',
      suspects.length ? `${suspects.length} suspect${suspects.length === 1 ? ' is' : 's are'} not reviewed` : '',
    ].filter(Boolean);
    const examples = remaining
      .slice(0, 5)
      .map((r) => `${r.note}: “${textOf(request.notes, r)}” (${r.finding.code})`)
      .join('\n');
    const go = await ui.confirm(
      `Coach Guard: ${parts.join(' and ')} in the notes to be sealed.`,
      `Fix them or mark them as reviewed in the editor. Seal anyway only if you are sure none of them identifies your client.\n\n${examples}`,
      'Seal anyway',
    );
    if (!go) return undefined;
  }

  const supervisor = await chooseRecipientKey(deps, 'Seal for which supervisor?');
  if (!supervisor) return undefined;
  const me = await chooseMyKey(deps, 'Sign with which of your keys?');
  if (!me) return undefined;
  const question = await ui.input({
    title: 'Seal Case for Supervisor',
    prompt: 'Your question for supervision',
    placeHolder: 'e.g. Am I colluding with the sponsor by staying quiet?',
    validate: (v) => (v.trim() ? undefined : 'Say what you want from supervision'),
  });
  if (question === undefined) return undefined;
  const today = (request.today ?? new Date()).toISOString().slice(0, 10);
  const deleteAfter = await ui.input({
    title: 'Seal Case for Supervisor',
    prompt: 'Ask your supervisor to delete the case after (YYYY-MM-DD), or leave empty',
    validate: (v) => {
      const value = v.trim();
      if (!value) return undefined;
      if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) return 'A date like 2027-03-31, or nothing';
      return value > today ? undefined : 'A date after today';
    },
  });
  if (deleteAfter === undefined) return undefined;
  const coachKey = await unlockMyKey(deps, me);
  if (!coachKey) return undefined;
  try {
    const sealed = await sealCase(
      {
        caseId: request.caseId,
        notes: request.notes.map((n) => ({ title: noteTitle(n.text, n.fileName), markdown: n.text })),
        questions: [question.trim()],
        ...(deleteAfter.trim() ? { deleteAfter: deleteAfter.trim() } : {}),
      },
      { supervisorKey: await readPublicKey(supervisor.stored.publicKey), coachKey },
    );
    const stamp = sealed.document.createdAt.replace(/[-:]/g, '').slice(0, 15);
    return { bytes: sealed.bytes, fileName: `${request.caseId}-${stamp}.gpg`, document: sealed.document, supervisor };
  } catch (error) {
    ui.error(`Coach Guard could not seal the case: ${messageOf(error)}`);
    return undefined;
  }
}

function textOf(notes: NoteFile[], r: { note: string; finding: PlannedFinding }): string {
  const note = notes.find((n) => n.fileName === r.note);
  return note ? note.text.slice(r.finding.start, r.finding.end) : '';
}

/** A refusal, as one sentence for the person (never a stack trace). */
export interface Refusal {
  refused: string;
}

export function isRefusal(value: unknown): value is Refusal {
  return typeof value === 'object' && value !== null && typeof (value as Refusal).refused === 'string';
}

/**
 * Decrypts and verifies in memory. Any refusal (tampered, unsigned, unknown signer, wrong key…)
 * becomes one readable error message, also returned so a host can show it where the file was
 * opened; nothing of the case is returned then. `undefined` when the person cancelled.
 */
export async function openSealedFlow(deps: KeyDeps, bytes: Uint8Array): Promise<OpenedDocument | Refusal | undefined> {
  const { ui, keys } = deps;
  try {
    const keyIds = await sealedForKeyIds(bytes);
    const candidates = await myKeysFor(keys, keyIds);
    // No matching key: still let core try one of mine, so the refusal is core's plain message.
    const key = candidates.length === 1 ? candidates[0] : await chooseMyKey(deps, 'Open with which of your keys?');
    if (!key) return undefined;
    const recipientKey = await unlockMyKey(deps, key);
    if (!recipientKey) return undefined;
    const trustedSigners = await readStoredPublicKeys(keys);
    return await openSealed(bytes, { recipientKey, trustedSigners });
  } catch (error) {
    const why = messageOf(error);
    const refused = isSealError(error) ? `Coach Guard refused to open this file: ${why}` : `Coach Guard could not open this file: ${why}`;
    ui.error(refused);
    return { refused };
  }
}

export interface ReplyRequest {
  inReplyTo: SupervisionCase;
  markdown: string;
}

export async function sealReplyFlow(deps: KeyDeps, request: ReplyRequest): Promise<{ bytes: Uint8Array; fileName: string; document: SupervisionReply } | undefined> {
  const { ui, keys } = deps;
  if (!request.markdown.trim()) {
    ui.error('Coach Guard: the reply is empty; write your response first.');
    return undefined;
  }
  try {
    const coach = await findKey(keys, request.inReplyTo.coachFingerprint);
    const me = await chooseMyKey(deps, 'Sign the reply with which of your keys?');
    if (!me) return undefined;
    const supervisorKey = await unlockMyKey(deps, me);
    if (!supervisorKey) return undefined;
    const sealed = await sealReply(
      { inReplyTo: request.inReplyTo.caseId, notes: [{ title: noteTitle(request.markdown, 'Reply'), markdown: request.markdown }] },
      { coachKey: await readPublicKey(coach.publicKey), supervisorKey },
    );
    return { bytes: sealed.bytes, fileName: `${request.inReplyTo.caseId}.reply.gpg`, document: sealed.document };
  } catch (error) {
    ui.error(`Coach Guard could not seal the reply: ${messageOf(error)}`);
    return undefined;
  }
}
