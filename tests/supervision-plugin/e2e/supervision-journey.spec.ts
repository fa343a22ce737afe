/**
 * The supervision journey in a real VS Code (code-server), two people, two VS Codes:
 * a coach writes a note with real names → diagnostics → anonymise → seal to the supervisor's key;
 * the supervisor opens the sealed file from the explorer → the anonymised note, read-only, with the
 * verified signer → replies; a tampered copy is refused with a readable message.
 */
import { expect, test, type Page } from '@playwright/test';
import { armor, enums } from 'openpgp';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { activeEditorLines, answer, filesHolding, pickItem, REPO, runCommand, startVsCode, toast, type VsCode } from './code-server';

const KEYS = join(REPO, 'tests/fixtures/keys');
// The README's screenshots are refreshed on request only, so a test run leaves the tree clean:
// UPDATE_SCREENSHOTS=1 npm run test:plugin
const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS ? join(REPO, 'docs/screenshots') : join(REPO, 'test-results/supervision-plugin/screenshots');
const passphrase = (name: string) => readFileSync(join(KEYS, `${name}.passphrase`), 'utf8').replace(/\r?\n$/, '');

const NOTE = [
  'Megan Thursfield is on a PIP at Halvard Logistics in Leeds. Her manager, Tom Reyes, emailed me on 14 March 2026 from tom.reyes@halvard.com',
  'asking how she is doing. She is the only female VP of Engineering there.',
  'I felt pulled to reassure him, and I noticed I wanted to rescue her.',
].join('\n');

test.describe.configure({ mode: 'serial' });

const root = mkdtempSync(join(tmpdir(), 'cg-journey-'));
const coachWorkspace = join(root, 'coach-notes');
const supervisorWorkspace = join(root, 'supervision-inbox');
const keyFolder = join(root, 'keys'); // where each person keeps key files they were sent
const coachHome = join(root, 'coach-vscode'); // kept between the coach's two sessions
const REPLY = 'Notice the pull to reassure the sponsor: whose need is it?';
const COACH_PASSPHRASE = 'a long coach passphrase typed in e2e';
let sealedFile = '';
let replyFile = '';

test.beforeAll(() => {
  for (const dir of [coachWorkspace, supervisorWorkspace, keyFolder, SCREENSHOTS]) mkdirSync(dir, { recursive: true });
  for (const file of ['supervisor.asc', 'supervisor.pub.asc']) copyFileSync(join(KEYS, file), join(keyFolder, file));
});

test.afterAll(() => rmSync(root, { recursive: true, force: true }));

/** What the plugin keeps in VS Code's global storage for this person. */
function pluginStorage(home: string, file: string): string {
  return readFileSync(join(home, 'user-data/User/globalStorage/coach-guard.coach-guard-supervision', file), 'utf8');
}

async function importKeyFile(page: Page, file: string, expected: RegExp): Promise<void> {
  await runCommand(page, 'Coach Guard: Import Public Key');
  // code-server's file dialog is a quick input that takes a typed path. It fills in the workspace
  // folder by itself once it is ready, which can overwrite what was typed: retype until it sticks
  // and the dialog lists the file.
  const widget = page.locator('.quick-input-widget');
  const input = widget.locator('input.input');
  const path = join(keyFolder, file);
  await expect(input).toHaveValue(/\/$/);
  await expect(async () => {
    if ((await input.inputValue()) !== path) await input.fill(path);
    await expect(widget.getByRole('option', { name: file, exact: true })).toBeVisible({ timeout: 2_000 });
    await expect(input).toHaveValue(path, { timeout: 500 });
  }).toPass({ timeout: 30_000 });
  await widget.getByRole('button', { name: 'Import key' }).click();
  await expect(toast(page, expected)).toBeVisible();
}

/** Opens a problem from the Problems panel, then picks a quick fix from Ctrl+. */
async function quickFix(page: Page, problem: string, fix: string): Promise<void> {
  const row = page.locator('.markers-panel .monaco-list-row', { hasText: problem });
  const line = /\[Ln (\d+), Col \d+\]/.exec(await row.innerText())?.[1];
  const words = /“(.+?)”/.exec(problem)?.[1];
  expect(line && words, `the problem row gives its position and words: ${await row.innerText()}`).toBeTruthy();
  // Revealing a problem selects its words: the status bar then reads "Ln 21, Col 59 (5 selected)".
  const cursor = page.locator('.statusbar-item', { hasText: new RegExp(`Ln ${line}, Col \\d+ \\(${words!.length} selected\\)`) });
  const item = page.locator('.action-widget .monaco-list-row', { hasText: fix });
  // Enter reveals the words in the note and focuses it; Ctrl+. asks for fixes where the cursor is,
  // so wait until the cursor has arrived (the status bar says so) before asking.
  let attempt = 0;
  await expect(async () => {
    if (attempt++ > 0) await page.keyboard.press('Escape'); // closes "No code actions available"
    await row.click();
    await page.keyboard.press('Enter');
    await expect(page.locator('.editor-group-container.active .monaco-editor.focused')).toBeVisible({ timeout: 2_000 });
    await expect(cursor).toBeVisible({ timeout: 2_000 });
    await page.keyboard.press('Control+.');
    await expect(item).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 30_000 });
  // The menu lays a pointer block over the page until the mouse moves.
  const box = (await item.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await item.click();
}

/**
 * Threat: the plugin phones home. Every Node process of the VS Code under test records its
 * outgoing connections and DNS lookups (tests/security/egress-recorder.cjs): none may leave the
 * machine, none may come from the plugin's code, and the recorder must have run in the extension
 * host — the process the plugin lives in — so "nothing recorded" cannot mean "nothing watched".
 */
function expectNoEgress(vscode: VsCode): void {
  const records = vscode.egress();
  const watched = records.filter((r) => r.kind === 'loaded').map((r) => (r.argv ?? []).join(' '));
  expect(watched.some((argv) => /extensionHost/i.test(argv)), `processes watched:\n${watched.join('\n')}`).toBe(true);
  const outgoing = records.filter((r) => r.kind !== 'loaded');
  expect(outgoing.filter((r) => r.stack?.includes('coach-guard-supervision'))).toEqual([]);
  expect(outgoing.filter((r) => !r.loopback)).toEqual([]);
}

/**
 * Threat: the supervisor's reply draft — plaintext about the case — reaches the disk before it is
 * sealed (VS Code backs up every dirty editor about a second after typing stops, hot exit or not).
 * A canary typed into an ordinary untitled editor *after* the draft shows the backups are running
 * and have caught up; only then is the draft looked for in the server's and the browser's storage.
 */
async function expectDraftNotOnDisk(vscode: VsCode, draft: string): Promise<void> {
  const { page } = vscode;
  const canary = `backup canary ${Date.now()}`;
  await runCommand(page, 'File: New Untitled Text File');
  await page.keyboard.insertText(canary);
  await expect.poll(() => filesHolding(vscode.home, canary).length, { message: 'VS Code backed up the canary' }).toBeGreaterThan(0);
  expect(filesHolding(vscode.home, draft)).toEqual([]);
  expect(filesHolding(vscode.workspace, draft)).toEqual([]);
  await runCommand(page, 'View: Revert and Close Editor');
}

async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `plugin-${name}.png`) });
}

test('the coach writes a note, sees what identifies the client, anonymises it and seals it for the supervisor', async () => {
  const vscode = await startVsCode({ workspace: coachWorkspace, home: coachHome });
  const { page } = vscode;
  try {
    await runCommand(page, 'Coach Guard: Generate My Key');
    await answer(page, 'Your name', 'Alex Coach');
    await answer(page, 'Your email address', 'alex@coach.example');
    await answer(page, 'A passphrase that protects your private key', COACH_PASSPHRASE);
    await answer(page, 'The same passphrase again', COACH_PASSPHRASE);
    await expect(toast(page, /your key is ready\. Fingerprint ([0-9A-F]{4} ){9}[0-9A-F]{4}/)).toBeVisible();
    const stored = pluginStorage(coachHome, 'keys.json');
    expect(stored).toContain('-----BEGIN PGP PRIVATE KEY BLOCK-----');
    expect(stored).not.toContain(COACH_PASSPHRASE);

    await runCommand(page, 'Coach Guard: Export My Public Key');
    await expect(activeEditorLines(page)).toContainText('-----BEGIN PGP PUBLIC KEY BLOCK-----');
    await expect(toast(page, /your public key \(([0-9A-F]{4} ){9}[0-9A-F]{4}\) is open/)).toBeVisible();
    // The coach sends it to the supervisor: the test takes it from the plugin's key store.
    const coachPublic = (JSON.parse(stored) as { keys: { publicKey: string }[] }).keys[0]!.publicKey;
    writeFileSync(join(keyFolder, 'alex-coach.pub.asc'), coachPublic);
    await runCommand(page, 'View: Revert and Close Editor');

    await importKeyFile(page, 'supervisor.pub.asc', /imported public key Sam Supervisor/);
    await runCommand(page, 'Coach Guard: List Keys');
    const keyList = page.locator('.quick-input-widget');
    await expect(keyList.locator('.monaco-list-row', { hasText: 'Alex Coach <alex@coach.example>' })).toContainText('my key');
    await expect(keyList.locator('.monaco-list-row', { hasText: 'Sam Supervisor' })).toContainText(/public key.*([0-9A-F]{4} ){9}[0-9A-F]{4}/);
    await screenshot(page, 'keys');
    await page.keyboard.press('Escape');

    await runCommand(page, 'Coach Guard: New Supervision Case');
    await answer(page, 'a theme, not a client name', 'PIP and the sponsor');
    await expect(toast(page, 'case "PIP and the sponsor" created')).toBeVisible();
    await expect(activeEditorLines(page)).toContainText('What I want from supervision');

    // The template leaves the cursor under its last heading.
    await page.keyboard.insertText(NOTE);
    await expect(activeEditorLines(page)).toContainText('I wanted to rescue her');

    // Diagnostics: one warning per identifier, in the Problems panel and underlined in the note.
    await runCommand(page, 'View: Focus Problems (Errors, Warnings, Infos)');
    const problems = page.locator('.markers-panel');
    await expect(problems).toContainText('“Megan Thursfield” is a name that could identify the client');
    await expect(problems).toContainText('“Halvard Logistics” is an organisation');
    await expect(problems).toContainText('“tom.reyes@halvard.com” is an email address');
    await expect(page.locator('.editor-group-container.active .squiggly-warning').first()).toBeVisible();
    await screenshot(page, 'diagnostics');

    // Quick fixes, from the Problems panel: replace a place with the case's pseudonym…
    await quickFix(page, '“Leeds” is a place', 'Replace “Leeds” with the case’s pseudonym “[city]”');
    await expect(activeEditorLines(page)).toContainText('Halvard Logistics in [city].');
    await expect(problems).not.toContainText('“Leeds” is a place');
    // …and keep a job title the coach judged harmless, by marking it reviewed.
    await quickFix(page, '“VP of Engineering” — a specific job title', 'Mark “VP of Engineering” as reviewed (keep it)');
    await expect(problems).not.toContainText('“VP of Engineering” — a specific job title');
    await expect(problems).toContainText('“Megan Thursfield” is a name');

    await page.keyboard.press('Control+S');
    await runCommand(page, 'View: Hide Panel');
    await expect(problems).toBeHidden();
    await page.locator('.editor-group-container.active .monaco-editor').first().click();
    await runCommand(page, 'Coach Guard: Anonymise Note');
    await expect(toast(page, /identifiers replaced/)).toBeVisible();
    const modified = page.locator('.monaco-diff-editor .editor.modified .view-lines');
    await expect(modified).toContainText('Colleague');
    await expect(modified).not.toContainText('Megan');
    await expect(modified).not.toContainText('Halvard');
    await expect(page.locator('.monaco-diff-editor .editor.original .view-lines')).toContainText('Megan Thursfield');
    await screenshot(page, 'anonymise-diff');

    await runCommand(page, 'Coach Guard: Seal Case for Supervisor');
    // A suspect ("the only female VP of Engineering") is not reviewed: sealing asks first.
    const dialog = page.locator('.monaco-dialog-box');
    await expect(dialog).toContainText(/suspects? (is|are) not reviewed/);
    await screenshot(page, 'seal-confirm');
    await dialog.getByRole('button', { name: 'Seal anyway' }).click();
    await pickItem(page, 'Seal for which supervisor?', 'Sam Supervisor');
    await answer(page, 'Your question for supervision', 'Am I colluding with the sponsor by reassuring him?');
    await answer(page, 'delete the case after', '2099-12-31');
    await answer(page, 'Passphrase for your key', COACH_PASSPHRASE);
    await expect(toast(page, /case sealed for Sam Supervisor/)).toBeVisible();
    await screenshot(page, 'sealed');

    const sealedDir = join(coachWorkspace, 'pip-and-the-sponsor', 'sealed');
    const files = readdirSync(sealedDir).filter((f) => f.endsWith('.gpg'));
    expect(files).toHaveLength(1);
    sealedFile = join(sealedDir, files[0]!);
    const bytes = readFileSync(sealedFile);
    expect(bytes.includes(Buffer.from('Colleague'))).toBe(false); // encrypted, not plaintext
    // The mapping stayed with the coach: nothing in the case folder names the pseudonyms' owners.
    for (const name of readdirSync(join(coachWorkspace, 'pip-and-the-sponsor'))) {
      if (name.endsWith('.anonymised.md')) expect(readFileSync(join(coachWorkspace, 'pip-and-the-sponsor', name), 'utf8')).not.toContain('Megan');
    }
    expect(readdirSync(join(coachWorkspace, 'pip-and-the-sponsor')).some((n) => /mapping/i.test(n))).toBe(false);
    const caseStates = readdirSync(join(coachHome, 'user-data/User/globalStorage/coach-guard.coach-guard-supervision/cases'));
    expect(pluginStorage(coachHome, `cases/${caseStates[0]}`)).toContain('Megan Thursfield');
    expectNoEgress(vscode);
  } finally {
    await vscode.stop();
  }
});

test('the supervisor opens the sealed case from the explorer, sees the verified signer and replies; a tampered copy is refused', async () => {
  expect(sealedFile, 'the coach journey must have sealed a case').not.toBe('');
  // The sealed file arrives by email; the supervisor saves it, and a corrupted copy beside it.
  copyFileSync(sealedFile, join(supervisorWorkspace, 'case-from-alex.gpg'));
  const tampered = readFileSync(sealedFile);
  tampered[tampered.length - 40] = tampered[tampered.length - 40]! ^ 0x01;
  writeFileSync(join(supervisorWorkspace, 'tampered.gpg'), tampered);

  const vscode = await startVsCode({ workspace: supervisorWorkspace });
  const { page } = vscode;
  try {
    await importKeyFile(page, 'supervisor.asc', /imported your private key Sam Supervisor/);
    await importKeyFile(page, 'alex-coach.pub.asc', /imported public key Alex Coach/);

    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'case-from-alex.gpg' }).click();
    await answer(page, 'Passphrase for your key', passphrase('supervisor'));
    await expect(toast(page, /case opened — signature verified: Alex Coach <alex@coach\.example> \(([0-9A-F]{4} ){9}[0-9A-F]{4}\)/)).toBeVisible();
    // Decrypted in memory only: no plaintext file appeared anywhere in the workspace.
    expect(readdirSync(supervisorWorkspace).sort()).toEqual(['case-from-alex.gpg', 'tampered.gpg']);

    // The note: anonymised, from memory, read-only.
    const note = activeEditorLines(page);
    await expect(note).toContainText('I wanted to rescue her');
    await expect(note).toContainText('Colleague');
    await expect(note).not.toContainText('Megan');
    await page.locator('.editor-group-container.active .monaco-editor').first().click();
    await page.keyboard.type('X');
    await expect(page.locator('.monaco-editor-overlaymessage')).toContainText('Cannot edit in read-only editor');
    await expect(note).not.toContainText('X');
    // The summary beside it carries the verified signer and the question.
    const summary = page.locator('.editor-group-container').first().locator('.view-lines');
    await expect(summary).toContainText('**Signature verified.** Signed by Alex Coach <alex@coach.example>');
    await expect(summary).toContainText('Am I colluding with the sponsor by reassuring him?');
    await screenshot(page, 'open-case');

    // The reply is written in a panel, not an editor: VS Code backs dirty editors up to disk.
    await runCommand(page, 'Coach Guard: Reply to Coach');
    const replyPanel = page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
    const draft = replyPanel.getByRole('textbox', { name: 'Your reply' });
    await expect(replyPanel.locator('body')).toContainText('Sealed for Alex Coach <alex@coach.example>');
    await draft.click();
    await page.keyboard.type(REPLY);
    await expect(draft).toHaveValue(REPLY);
    await screenshot(page, 'reply');
    await expectDraftNotOnDisk(vscode, REPLY);
    // Closing the panel loses nothing: the draft waits in memory for the next "Reply to Coach".
    await expect(page.locator('.tab', { hasText: /^Reply: / })).toBeVisible();
    await page.locator('.tab', { hasText: /^Reply: / }).click();
    await runCommand(page, 'View: Close Editor');
    await expect(toast(page, /your reply to .* is kept in memory until VS Code closes/)).toBeVisible();
    await runCommand(page, 'Coach Guard: Reply to Coach');
    await expect(draft).toHaveValue(REPLY);
    await replyPanel.getByRole('button', { name: 'Seal reply for the coach' }).click();
    await expect(toast(page, /reply sealed for the coach/)).toBeVisible();
    await expect(page.locator('.tab', { hasText: /^Reply: / })).toHaveCount(0);
    const replies = readdirSync(supervisorWorkspace).filter((f) => f.endsWith('.reply.gpg'));
    expect(replies).toHaveLength(1);
    replyFile = join(supervisorWorkspace, replies[0]!);

    // The same case sent as ASCII armor (pasted into an email, saved as .asc) opens the same way.
    const armored = armor(enums.armor.message, new Uint8Array(readFileSync(sealedFile)));
    writeFileSync(join(supervisorWorkspace, 'case-from-alex.asc'), armored);
    await runCommand(page, 'Notifications: Clear All Notifications');
    await expect(toast(page, /case opened/)).toHaveCount(0);
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'case-from-alex.asc' }).click();
    await expect(toast(page, /case opened — signature verified: Alex Coach/)).toBeVisible();
    await expect(activeEditorLines(page)).toContainText('I wanted to rescue her');

    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'tampered.gpg' }).click();
    // The passphrase is cached for ten minutes: no prompt, just the refusal.
    await expect(toast(page, /Coach Guard refused to open this file: /)).toBeVisible();
    // The editor the file was opened in says why, in full (a toast cuts long sentences short).
    const panel = page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame').locator('body');
    await expect(panel).toContainText(/tampered\.gpg: Coach Guard refused to open this file: .*(modified|tampered|changed)/i);
    await screenshot(page, 'tampered');
    expectNoEgress(vscode);
  } finally {
    await vscode.stop();
  }
});

test('the coach opens the supervisor’s sealed reply', async () => {
  expect(replyFile, 'the supervisor journey must have sealed a reply').not.toBe('');
  copyFileSync(replyFile, join(coachWorkspace, 'pip-and-the-sponsor', 'reply-from-sam.gpg'));
  const vscode = await startVsCode({ workspace: coachWorkspace, home: coachHome });
  const { page } = vscode;
  try {
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'pip-and-the-sponsor' }).first().click();
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'reply-from-sam.gpg' }).click();
    // A new session: the passphrase cache was in the old one's memory only.
    await answer(page, 'Passphrase for your key', COACH_PASSPHRASE);
    await expect(toast(page, /reply opened — signature verified: Sam Supervisor <sam@supervision\.example>/)).toBeVisible();
    await expect(activeEditorLines(page)).toContainText('Notice the pull to reassure the sponsor: whose need is it?');
    await screenshot(page, 'coach-reads-reply');
    expectNoEgress(vscode);
  } finally {
    await vscode.stop();
  }
});
