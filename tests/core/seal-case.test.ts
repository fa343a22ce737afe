import { describe, expect, it } from 'vitest';
import {
  openCase,
  openReply,
  parseCaseDocument,
  renderCaseDocument,
  sealCase,
  sealReply,
  SealError,
  type SupervisionCase,
} from '../../core/src/index';
import { loadPersona } from '../fixtures/keys/personas';

const hostileNotes = [
  { title: 'Session 1 — the triangle', markdown: '## Context\n\nSponsor (HR) wants updates.\n\n---\ncoach-guard: supervision-case\n---\n' },
  // Text that looks like our own structure, including a marker with a guessed boundary.
  { title: 'Session 2', markdown: '<!-- cg-00000000000000000000000000000000 end -->\n## Question for supervision\n\nfake\n\n' },
  { title: 'Unicode ✓ עברית 👩🏽‍💼', markdown: 'CRLF line\r\nand no trailing newline' },
  { title: 'Empty note', markdown: '' },
];

describe('sealCase / openCase', () => {
  it('round-trips a case coach → supervisor exactly, with who signed and when', async () => {
    const [coach, supervisor] = await Promise.all([loadPersona('coach'), loadPersona('supervisor')]);
    const createdAt = new Date('2026-11-20T09:30:00Z');
    const sealed = await sealCase(
      { notes: hostileNotes, questions: ['Am I colluding with the sponsor?', 'How do I end well?\nTwo lines.'], deleteAfter: '2027-05-31', caseId: 'pip-2026-11', createdAt },
      { supervisorKey: supervisor.publicKey, coachKey: coach.privateKey },
    );
    expect(sealed.armored).toBe(false);
    expect(sealed.bytes[0]! & 0x80).toBe(0x80); // binary OpenPGP
    const before = Date.now();
    const opened = await openCase(sealed.bytes, { recipientKey: supervisor.privateKey, trustedSigners: [coach.publicKey] });
    expect(opened.case).toEqual(sealed.document);
    expect(opened.case).toMatchObject({ kind: 'case', caseId: 'pip-2026-11', createdAt: '2026-11-20T09:30:00.000Z', deleteAfter: '2027-05-31', notes: hostileNotes });
    expect(opened.case.questions).toEqual(['Am I colluding with the sponsor?', 'How do I end well?\nTwo lines.']);
    expect(opened.signer.fingerprint).toBe(opened.case.coachFingerprint);
    expect(opened.signer.userId).toBe('Alex Coach <alex@coach.example>');
    expect(Math.abs(opened.signer.date.getTime() - before)).toBeLessThan(60_000);
  });

  it('lets the coach reopen what they sealed (encrypted to their own key too)', async () => {
    const [coach, supervisor] = await Promise.all([loadPersona('coach'), loadPersona('supervisor')]);
    const sealed = await sealCase({ notes: hostileNotes.slice(0, 1), questions: ['?'] }, { supervisorKey: supervisor.publicKey, coachKey: coach.privateKey, armor: true });
    const text = new TextDecoder().decode(sealed.bytes);
    expect(text).toMatch(/^-----BEGIN PGP MESSAGE-----/);
    const opened = await openCase(text, { recipientKey: coach.privateKey, trustedSigners: [coach.publicKey] });
    expect(opened.case.notes).toEqual(hostileNotes.slice(0, 1));
  });

  it('round-trips coach → supervisor → coach with a sealed reply naming the case', async () => {
    const [coach, supervisor] = await Promise.all([loadPersona('coach'), loadPersona('supervisor')]);
    const sent = await sealCase({ notes: hostileNotes, questions: ['?'] }, { supervisorKey: supervisor.publicKey, coachKey: coach.privateKey });
    const received = await openCase(sent.bytes, { recipientKey: supervisor.privateKey, trustedSigners: [coach.publicKey] });
    const reply = await sealReply(
      { inReplyTo: received.case.caseId, notes: [{ title: 'Reflections', markdown: 'Notice the rescuer pull.\n' }], deleteAfter: '2027-01-31' },
      { coachKey: coach.publicKey, supervisorKey: supervisor.privateKey },
    );
    const back = await openReply(reply.bytes, { recipientKey: coach.privateKey, trustedSigners: [supervisor.publicKey] });
    expect(back.reply).toEqual(reply.document);
    expect(back.reply.inReplyTo).toBe(sent.document.caseId);
    expect(back.signer.userId).toBe('Sam Supervisor <sam@supervision.example>');
    expect(back.signer.fingerprint).toBe(back.reply.supervisorFingerprint);
  });

  it('rejects unknown option keys and bad drafts with invalid-input before sealing', async () => {
    const [coach, supervisor] = await Promise.all([loadPersona('coach'), loadPersona('supervisor')]);
    const keys = { supervisorKey: supervisor.publicKey, coachKey: coach.privateKey };
    const ok = { notes: [{ title: 'T', markdown: 'm' }], questions: ['q'] };
    const cases: [unknown, unknown, RegExp][] = [
      [ok, { ...keys, armour: true }, /unknown option "armour"/],
      [{ ...ok, question: 'q' }, keys, /unknown option "question"/],
      [{ ...ok, questions: [] }, keys, /at least one question/],
      [{ ...ok, notes: [] }, keys, /at least one note/],
      [{ ...ok, notes: [{ title: 'two\nlines', markdown: '' }] }, keys, /one non-empty line/],
      [{ ...ok, deleteAfter: '2027-02-30' }, keys, /not a date/],
      [{ ...ok, caseId: '../etc' }, keys, /case id/],
      [ok, { ...keys, supervisorKey: 'sam@supervision.example' }, /must be a key object/],
    ];
    for (const [draft, options, message] of cases) {
      await expect(sealCase(draft as never, options as never)).rejects.toSatisfy((e: unknown) => e instanceof SealError && e.code === 'invalid-input' && message.test(e.message));
    }
    const locked = { ...keys, coachKey: await (await import('../../core/src/index')).readPrivateKey(coach.privateArmored) };
    await expect(sealCase(ok, locked)).rejects.toMatchObject({ code: 'key-locked' });
  });

  it('rejects unknown openCase options', async () => {
    const [coach, supervisor] = await Promise.all([loadPersona('coach'), loadPersona('supervisor')]);
    await expect(openCase(new Uint8Array([1]), { recipientKey: supervisor.privateKey, trustedSigners: [coach.publicKey], maxsize: 1 } as never)).rejects.toMatchObject({
      code: 'invalid-input',
      message: expect.stringContaining('unknown option "maxsize"'),
    });
  });
});

describe('the case document (what gpg --decrypt prints)', () => {
  const doc: SupervisionCase = {
    kind: 'case',
    formatVersion: 1,
    caseId: 'case-7',
    createdAt: '2026-11-20T09:30:00.000Z',
    coachFingerprint: '0123 4567 89AB CDEF 0123 4567 89AB CDEF 0123 4567',
    notes: hostileNotes,
    questions: ['What am I missing?'],
  };

  it('is readable markdown with a front-matter header, and parses back exactly', () => {
    const markdown = renderCaseDocument(doc);
    expect(markdown).toMatch(/^---\ncoach-guard: supervision-case\nformat-version: 1\ncase-id: case-7\n/);
    expect(markdown).toContain('\n## Session 1 — the triangle\n\n## Context\n');
    expect(markdown).toContain('## Question for supervision\n\nWhat am I missing?\n');
    expect(parseCaseDocument(markdown)).toEqual(doc);
  });

  it('picks a boundary that occurs in no note, so note text cannot end a section', () => {
    const boundary = 'cg-' + 'ab'.repeat(16);
    const planted = { ...doc, notes: [{ title: 'x', markdown: `<!-- ${boundary} end -->\n` }] };
    const markdown = renderCaseDocument(planted, boundary);
    expect(markdown).not.toContain(`boundary: ${boundary}\n`);
    expect(parseCaseDocument(markdown)).toEqual(planted);
  });

  it('reads a document written with Windows line ends (a reply typed by hand and sealed with gpg)', () => {
    const plain = { ...doc, notes: [{ title: 'Thoughts', markdown: 'Line one.\nLine two.\n' }] };
    const windows = renderCaseDocument(plain).replace(/\n/g, '\r\n');
    expect(parseCaseDocument(windows)).toEqual(plain);
  });

  it('refuses an edited document whose sections no longer line up', () => {
    const markdown = renderCaseDocument(doc);
    expect(() => parseCaseDocument(markdown.replace(/end -->\n$/, 'end -->\nextra\n'))).toThrow(/content after the end marker/);
    expect(() => parseCaseDocument(markdown.replace('case-id: case-7', 'case-id: case-7\ncase-id: case-8'))).toThrow(/appears twice/);
  });
});

describe('caseNoteFromAnonymised', () => {
  it('takes only the anonymised text from the anonymiser, refusing anything else', async () => {
    const { caseNoteFromAnonymised } = await import('../../core/src/index');
    const result = { note: { kind: 'anonymised-note' as const, text: 'P1 said the plan felt unfair.', suspects: [] }, mapping: { secret: 'Nadia' } };
    expect(caseNoteFromAnonymised('Session 1', result.note)).toEqual({ title: 'Session 1', markdown: 'P1 said the plan felt unfair.' });
    expect(() => caseNoteFromAnonymised('Session 1', result as never)).toThrow(/not an anonymised note/);
  });
});
