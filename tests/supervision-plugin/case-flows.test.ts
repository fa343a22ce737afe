import { describe, expect, it } from 'vitest';
import { anonymise, createPseudonymMapping } from '@coach-guard/core';
import type { OpenedDocument } from '@coach-guard/core';
import { isRefusal, openSealedFlow, sealCaseFlow, sealReplyFlow, type Refusal } from '../../supervision-plugin/src/case-flows';
import { generateKeyFlow, importKeyFlow, type KeyDeps } from '../../supervision-plugin/src/key-flows';
import { createPassphraseCache } from '../../supervision-plugin/src/passphrase-cache';
import { createFileKeyStore, createMemoryFilePort, type CaseState } from '../../supervision-plugin/src/plugin-storage';
import { loadPersona } from '../fixtures/keys/personas';
import { scriptedUi, type Answer } from './scripted-ui';

const NOTE = `# Session 3
Megan Thursfield works at Halvard Logistics. Her manager Tom Reyes keeps asking me how she is doing.
I felt pulled to reassure him.`;

/** A person's VS Code: their own plugin storage and passphrase cache, answering from a script. */
async function person(personaKeys: ('coach' | 'supervisor' | 'impostor')[], mine: 'coach' | 'supervisor', script: Answer[]) {
  const files = createMemoryFilePort();
  const ui = scriptedUi(script);
  const deps: KeyDeps = { ui, keys: createFileKeyStore(files), passphrases: createPassphraseCache({ ttlMs: () => 600_000 }) };
  const me = await loadPersona(mine);
  await importKeyFlow(deps, me.privateArmored);
  for (const name of personaKeys) await importKeyFlow(deps, (await loadPersona(name)).publicArmored);
  return { deps, ui, files, me };
}

function anonymisedCase(): { notes: { fileName: string; text: string }[]; state: CaseState } {
  const result = anonymise(NOTE, { mapping: createPseudonymMapping() });
  return { notes: [{ fileName: 'note-1.anonymised.md', text: result.note.text }], state: { mapping: result.mapping, reviewed: [] } };
}

function mustOpen(result: OpenedDocument | Refusal | undefined): OpenedDocument {
  if (!result || isRefusal(result)) throw new Error(`expected the file to open, got ${JSON.stringify(result)}`);
  return result;
}

const sealAnswers = (passphrase: string): Answer[] => [
  { pick: 'Seal for which supervisor', choose: /Supervisor/ },
  { input: 'question for supervision', value: 'Am I colluding with the sponsor?' },
  { input: 'delete the case after', value: '2099-01-31' },
  { input: 'Passphrase for your key', value: passphrase },
];

describe('seal, open and reply flows', () => {
  it('coach seals an anonymised case; supervisor opens it with the verified signer; coach opens the sealed reply', async () => {
    const coachPassphrase = (await loadPersona('coach')).passphrase;
    const supervisorPassphrase = (await loadPersona('supervisor')).passphrase;
    const coach = await person(['supervisor'], 'coach', sealAnswers(coachPassphrase));
    const { notes, state } = anonymisedCase();
    const sealed = await sealCaseFlow(coach.deps, { caseId: 'pip-sponsor-a1b2c3', notes, state });
    expect(coach.ui.errors).toEqual([]);
    expect(sealed?.fileName).toMatch(/^pip-sponsor-a1b2c3-\d{8}T\d{6}\.gpg$/);
    expect(new TextDecoder('latin1').decode(sealed!.bytes)).not.toContain('Colleague');

    const supervisor = await person(['coach'], 'supervisor', [{ input: 'Passphrase for your key', value: supervisorPassphrase }]);
    const opened = mustOpen(await openSealedFlow(supervisor.deps, sealed!.bytes));
    expect(supervisor.ui.errors).toEqual([]);
    expect(opened.document.kind).toBe('case');
    expect(opened.signer.fingerprint.replace(/\s/g, '')).toBe(coach.me.publicKey.getFingerprint().toUpperCase());
    const supervisionCase = opened.document.kind === 'case' ? opened.document : undefined;
    expect(supervisionCase?.questions).toEqual(['Am I colluding with the sponsor?']);
    expect(supervisionCase?.deleteAfter).toBe('2099-01-31');
    expect(supervisionCase?.notes[0]?.title).toBe('Session 3');
    expect(supervisionCase?.notes[0]?.markdown).not.toMatch(/Megan|Thursfield|Halvard|Tom Reyes/);
    expect(supervisionCase?.notes[0]?.markdown).toContain('I felt pulled to reassure him.');

    // The passphrase is cached: replying asks for nothing but the content.
    const reply = await sealReplyFlow(supervisor.deps, { inReplyTo: supervisionCase!, markdown: '# Thoughts\nNotice the pull to reassure.' });
    expect(supervisor.ui.errors).toEqual([]);
    expect(reply?.fileName).toBe('pip-sponsor-a1b2c3.reply.gpg');

    // The coach's passphrase is still cached from sealing: no prompt (the script is empty now).
    expect(coach.ui.remaining()).toEqual([]);
    const coachOpens = mustOpen(await openSealedFlow(coach.deps, reply!.bytes));
    expect(coach.ui.errors).toEqual([]);
    expect(coachOpens.document.kind).toBe('reply');
    expect(coachOpens.document.notes[0]?.markdown).toContain('Notice the pull to reassure.');
  });

  it('refuses to seal while identifiers remain, unless the coach confirms', async () => {
    const coach = await person(['supervisor'], 'coach', [{ confirm: /1 identifier remain|identifiers remain/, value: false }]);
    const raw = { notes: [{ fileName: 'note-1.anonymised.md', text: NOTE }], state: { mapping: createPseudonymMapping(), reviewed: [] } };
    expect(await sealCaseFlow(coach.deps, { caseId: 'c1', ...raw })).toBeUndefined();
    expect(coach.ui.asked[0]).toMatch(/identifiers remain/);
    expect(coach.ui.remaining()).toEqual([]);

    const confirming = await person(['supervisor'], 'coach', [{ confirm: /identifiers remain/, value: true }, ...sealAnswers((await loadPersona('coach')).passphrase)]);
    const sealed = await sealCaseFlow(confirming.deps, { caseId: 'c1', ...raw });
    expect(sealed?.bytes.length).toBeGreaterThan(0);
  });

  it('says which notes have no anonymised version before sealing without them', async () => {
    const coach = await person(['supervisor'], 'coach', [{ confirm: 'note-2.md has no anonymised version', value: false }]);
    expect(await sealCaseFlow(coach.deps, { caseId: 'c5', ...anonymisedCase(), notAnonymised: ['note-2.md'] })).toBeUndefined();
    expect(coach.ui.remaining()).toEqual([]);
  });

  it('refuses to seal when nothing was anonymised', async () => {
    const coach = await person(['supervisor'], 'coach', []);
    expect(await sealCaseFlow(coach.deps, { caseId: 'c1', notes: [], state: { mapping: createPseudonymMapping(), reviewed: [] } })).toBeUndefined();
    expect(coach.ui.errors[0]).toMatch(/Anonymise Note/);
  });

  it('asks again after a wrong passphrase and does not cache the wrong one', async () => {
    const { passphrase } = await loadPersona('coach');
    const coach = await person(['supervisor'], 'coach', [
      ...sealAnswers('not the passphrase').slice(0, 4),
      { input: 'Wrong passphrase', value: passphrase },
    ]);
    const sealed = await sealCaseFlow(coach.deps, { caseId: 'c2', ...anonymisedCase() });
    expect(sealed).toBeDefined();
    expect(coach.deps.passphrases.get(coach.me.publicKey.getFingerprint().toUpperCase())).toBe(passphrase);
  });

  it('a tampered file is refused with one readable sentence and nothing opened', async () => {
    const coach = await person(['supervisor'], 'coach', sealAnswers((await loadPersona('coach')).passphrase));
    const sealed = await sealCaseFlow(coach.deps, { caseId: 'c3', ...anonymisedCase() });
    const bytes = sealed!.bytes.slice();
    const at = bytes.length - 40;
    bytes[at] = bytes[at]! ^ 0x01;
    const supervisor = await person(['coach'], 'supervisor', [{ input: 'Passphrase', value: (await loadPersona('supervisor')).passphrase }]);
    const result = await openSealedFlow(supervisor.deps, bytes);
    expect(result).toEqual({ refused: supervisor.ui.errors[0] });
    expect(supervisor.ui.errors).toHaveLength(1);
    expect(supervisor.ui.errors[0]).toMatch(/^Coach Guard refused to open this file: /);
    expect(supervisor.ui.errors[0]).not.toMatch(/\n|at .*\.ts:\d+/);
  });

  it('a case signed by a key the supervisor has not imported is refused as an unknown signer', async () => {
    const impostor = await person(['supervisor'], 'coach', sealAnswers((await loadPersona('coach')).passphrase));
    const sealed = await sealCaseFlow(impostor.deps, { caseId: 'c4', ...anonymisedCase() });
    // The supervisor never imported the coach's public key.
    const supervisor = await person([], 'supervisor', [{ input: 'Passphrase', value: (await loadPersona('supervisor')).passphrase }]);
    expect(isRefusal(await openSealedFlow(supervisor.deps, sealed!.bytes))).toBe(true);
    expect(supervisor.ui.errors[0]).toMatch(/refused to open this file: .*(unknown|not trusted|trust)/i);
  });
});

describe('key flows', () => {
  it('generates a key pair and keeps the private key only passphrase-protected', async () => {
    const files = createMemoryFilePort();
    const ui = scriptedUi([
      { input: 'Your name', value: 'Alex Coach' },
      { input: 'Your email', value: 'alex@example.org' },
      { input: 'A passphrase', value: 'long enough passphrase' },
      { input: 'The same passphrase again', value: 'long enough passphrase' },
    ]);
    const info = await generateKeyFlow({ ui, keys: createFileKeyStore(files), passphrases: createPassphraseCache({ ttlMs: () => 0 }) });
    expect(info?.primaryUserId).toBe('Alex Coach <alex@example.org>');
    expect(ui.infos[0]).toMatch(/([0-9A-F]{4} ){9}[0-9A-F]{4}/);
    const stored = files.files.get('keys.json')!;
    expect(stored).toContain('-----BEGIN PGP PRIVATE KEY BLOCK-----');
    expect(stored).not.toContain('long enough passphrase');
  }, 30_000);

  it('the input box rejects an email address that is not one', async () => {
    const ui = scriptedUi([
      { input: 'Your name', value: 'Alex' },
      { input: 'Your email', value: 'not-an-email' },
    ]);
    // The scripted person types an invalid email: the box says why (VS Code would not accept it).
    await expect(generateKeyFlow({ ui, keys: createFileKeyStore(createMemoryFilePort()), passphrases: createPassphraseCache({ ttlMs: () => 0 }) })).rejects.toThrow(/unexpected input box/);
    expect(ui.rejected).toEqual(['An email address like alex@example.org']);
  });

  it('import reports a clear error for text that is not a key', async () => {
    const ui = scriptedUi([]);
    expect(await importKeyFlow({ ui, keys: createFileKeyStore(createMemoryFilePort()), passphrases: createPassphraseCache({ ttlMs: () => 0 }) }, 'hello')).toBeUndefined();
    expect(ui.errors[0]).toMatch(/^Coach Guard could not import this key: /);
  });
});
