import * as vscode from 'vscode';
import { randomBytes } from 'node:crypto';
import { anonymise, formatFingerprint, type OpenedDocument } from '@coach-guard/core';
import { CaseDocumentProvider, CASE_SCHEME } from './case-documents';
import { ANONYMISED_SUFFIX, anonymisedNameFor, CASE_MARKER, createCaseMarker, isAnonymisedName, SEALED_FOLDER, slugify } from './case-folder';
import { isRefusal, openSealedFlow, sealCaseFlow, sealReplyFlow, type NoteFile, type Refusal } from './case-flows';
import { renderCaseTemplate } from './case-template';
import { CaseFolders, createVscodeFilePort } from './case-workspace';
import { FindingDiagnostics } from './finding-diagnostics';
import { exportPublicKeyFlow, generateKeyFlow, importKeyFlow, listKeysFlow, type KeyDeps } from './key-flows';
import { renderOpenedSummary } from './opened-summary';
import { ReplyPanels } from './reply-panel';
import { pseudonymEdit } from './pseudonym-edit';
import { createPassphraseCache } from './passphrase-cache';
import { createCaseStateStore, createFileKeyStore } from './plugin-storage';
import { SealedCaseEditorProvider } from './sealed-case-editor';
import type { Ui } from './ui';
import { createVscodeUi } from './vscode-ui';

export function activate(context: vscode.ExtensionContext): void {
  const ui = createVscodeUi();
  const passphrases = createPassphraseCache({
    ttlMs: () => vscode.workspace.getConfiguration('coachGuard').get<number>('passphraseCacheMinutes', 10) * 60_000,
  });
  // Keys and per-case mappings live in the extension's global storage, never in a case folder.
  const storage = createVscodeFilePort(context.globalStorageUri);
  const keys = createFileKeyStore(storage);
  const caseStates = createCaseStateStore(storage);
  const deps: KeyDeps = { ui, keys, passphrases };
  const caseDocuments = new CaseDocumentProvider();
  const cases = new CaseFolders();
  const diagnostics = new FindingDiagnostics(cases, caseStates);
  const opened = new OpenedCases(caseDocuments, deps);

  const status = vscode.window.createStatusBarItem('coach-guard.coach-guard-supervision.status', vscode.StatusBarAlignment.Right, 100);
  status.name = 'Coach Guard';
  status.text = '$(shield) Coach Guard';
  status.tooltip = 'Coach Guard supervision: list your keys';
  status.command = 'coachGuard.listKeys';
  status.show();

  const openSealedFile = async (uri: vscode.Uri): Promise<OpenedDocument | Refusal | undefined> => {
    const result = await openSealedFlow(deps, await vscode.workspace.fs.readFile(uri));
    if (result && !isRefusal(result)) await opened.show(result, uri);
    return result;
  };

  context.subscriptions.push(
    status,
    passphrases,
    caseDocuments,
    opened,
    diagnostics,
    vscode.workspace.registerTextDocumentContentProvider(CASE_SCHEME, caseDocuments),
    vscode.languages.registerCodeActionsProvider({ language: 'markdown', scheme: 'file' }, diagnostics, {
      providedCodeActionKinds: [vscode.CodeActionKind.QuickFix],
    }),
    vscode.window.registerCustomEditorProvider(SealedCaseEditorProvider.viewType, new SealedCaseEditorProvider(openSealedFile), {
      supportsMultipleEditorsPerDocument: false,
    }),
    vscode.commands.registerCommand('coachGuard.newCase', () => newCase(ui)),
    vscode.commands.registerCommand('coachGuard.anonymise', () => anonymiseNote(ui, cases, caseStates, diagnostics)),
    vscode.commands.registerCommand('coachGuard.replaceWithPseudonym', (uri: string, start: number, end: number) =>
      replaceWithPseudonym(ui, cases, caseStates, diagnostics, vscode.Uri.parse(uri), start, end),
    ),
    vscode.commands.registerCommand('coachGuard.markReviewed', async (uri: string, reviewKey: string) => {
      const info = await cases.caseOf(vscode.Uri.parse(uri));
      if (!info) return;
      const state = await caseStates.get(info.marker.caseId);
      await caseStates.save(info.marker.caseId, { ...state, reviewed: [...state.reviewed, reviewKey] });
      await diagnostics.refreshCase(info);
    }),
    vscode.commands.registerCommand('coachGuard.seal', () => sealCurrentCase(deps, cases, caseStates)),
    vscode.commands.registerCommand('coachGuard.openCase', async (uri?: vscode.Uri) => {
      const target = uri instanceof vscode.Uri ? uri : await chooseSealedFile();
      if (target) await openSealedFile(target);
    }),
    vscode.commands.registerCommand('coachGuard.reply', () => opened.reply()),
    vscode.commands.registerCommand('coachGuard.generateKey', () => generateKeyFlow(deps)),
    vscode.commands.registerCommand('coachGuard.importKey', async (uri?: vscode.Uri) => {
      const text = await keyTextToImport(uri);
      if (text !== undefined) await importKeyFlow(deps, text);
    }),
    vscode.commands.registerCommand('coachGuard.exportPublicKey', async () => {
      const exported = await exportPublicKeyFlow(deps);
      if (!exported) return;
      // Copying is a convenience: a browser-hosted VS Code may refuse clipboard access.
      const copied = await vscode.env.clipboard.writeText(exported.armored).then(
        () => true,
        () => false,
      );
      const doc = await vscode.workspace.openTextDocument({ content: exported.armored, language: 'plaintext' });
      await vscode.window.showTextDocument(doc);
      ui.info(`Coach Guard: your public key (${formatFingerprint(exported.info.fingerprint)}) is open${copied ? ' and copied' : ''}; save it as an .asc file and send it.`);
    }),
    vscode.commands.registerCommand('coachGuard.listKeys', async () => {
      const chosen = await listKeysFlow(deps);
      if (chosen) ui.info(`${chosen.info.primaryUserId}: ${formatFingerprint(chosen.info.fingerprint)}`);
    }),
    vscode.commands.registerCommand('coachGuard.forgetPassphrase', () => {
      passphrases.forget();
      ui.info('Coach Guard: cached passphrases forgotten.');
    }),
  );
  // An armored sealed file (.asc) opens as text: offer the same as for a binary .gpg, once per file.
  const offered = new Set<string>();
  context.subscriptions.push(
    vscode.window.onDidChangeActiveTextEditor(async (editor) => {
      const doc = editor?.document;
      if (!doc || doc.uri.scheme !== 'file' || !/\.asc$/i.test(doc.uri.path) || offered.has(doc.uri.toString())) return;
      if (!doc.getText(new vscode.Range(0, 0, 1, 0)).startsWith('-----BEGIN PGP MESSAGE-----')) return;
      offered.add(doc.uri.toString());
      await openSealedFile(doc.uri);
    }),
  );
  diagnostics.start();
}

export function deactivate(): void {}

async function newCase(ui: Ui): Promise<void> {
  const title = await ui.input({
    title: 'New Supervision Case',
    prompt: 'A working title for the case — a theme, not a client name',
    placeHolder: 'e.g. PIP and the sponsor’s check-ins',
    validate: (value) => (slugify(value) ? undefined : 'Give the case a title with at least one letter or digit'),
  });
  if (title === undefined) return;
  const parent = await chooseParentFolder();
  if (!parent) return;
  const marker = createCaseMarker(title, new Date(), randomBytes(3).toString('hex'));
  const folder = vscode.Uri.joinPath(parent, slugify(title));
  if (await exists(folder)) {
    ui.error(`Coach Guard: a folder named "${slugify(title)}" already exists here; choose another title.`);
    return;
  }
  const encoder = new TextEncoder();
  await vscode.workspace.fs.createDirectory(folder);
  await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, CASE_MARKER), encoder.encode(JSON.stringify(marker, null, 2) + '\n'));
  const note = vscode.Uri.joinPath(folder, 'note-1.md');
  await vscode.workspace.fs.writeFile(note, encoder.encode(renderCaseTemplate({ title })));
  const editor = await vscode.window.showTextDocument(note);
  const lastLine = editor.document.lineCount - 1;
  editor.selection = new vscode.Selection(lastLine, 0, lastLine, 0);
  ui.info(`Coach Guard: case "${title}" created.`);
}

async function anonymiseNote(ui: Ui, cases: CaseFolders, caseStates: ReturnType<typeof createCaseStateStore>, diagnostics: FindingDiagnostics): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  const info = editor && (await cases.caseOf(editor.document.uri));
  if (!editor || !info) {
    ui.error('Coach Guard: open a note of a supervision case first (Coach Guard: New Supervision Case makes one).');
    return;
  }
  const source = editor.document;
  const fileName = source.uri.path.split('/').pop()!;
  if (isAnonymisedName(fileName)) {
    ui.error(`Coach Guard: this is already an anonymised note; anonymise the original (${fileName.replace(ANONYMISED_SUFFIX, '.md')}).`);
    return;
  }
  const state = await caseStates.get(info.marker.caseId);
  const roster = await cases.rosterOf(info);
  const result = anonymise(source.getText(), { mapping: state.mapping, ...(roster ? { roster } : {}) });
  await caseStates.save(info.marker.caseId, { ...state, mapping: result.mapping });
  const target = vscode.Uri.joinPath(info.folder, anonymisedNameFor(fileName));
  if (await exists(target)) {
    const replace = await ui.confirm(
      `Coach Guard: ${anonymisedNameFor(fileName)} already exists.`,
      'Anonymising again replaces it; any adjustments you made there are lost.',
      'Replace',
    );
    if (!replace) return;
  }
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(result.note.text));
  await vscode.commands.executeCommand('vscode.diff', source.uri, target, `${fileName} ↔ anonymised (edit the right side to adjust)`);
  await diagnostics.refreshCase(info);
  const n = result.replacements.length;
  const s = result.suspects.length;
  ui.info(`Coach Guard: ${n} identifier${n === 1 ? '' : 's'} replaced${s ? `, ${s} suspect${s === 1 ? '' : 's'} to review` : ''}. Adjust the anonymised note if needed, then seal the case.`);
}

async function replaceWithPseudonym(
  ui: Ui,
  cases: CaseFolders,
  caseStates: ReturnType<typeof createCaseStateStore>,
  diagnostics: FindingDiagnostics,
  uri: vscode.Uri,
  start: number,
  end: number,
): Promise<void> {
  const info = await cases.caseOf(uri);
  const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (!info || !document) return;
  const state = await caseStates.get(info.marker.caseId);
  const roster = await cases.rosterOf(info);
  const found = pseudonymEdit(document.getText(), start, end, { mapping: state.mapping, ...(roster ? { roster } : {}) });
  if (!found) {
    ui.error('Coach Guard: that text has changed; nothing was replaced.');
    return;
  }
  const edit = new vscode.WorkspaceEdit();
  edit.replace(uri, new vscode.Range(document.positionAt(found.start), document.positionAt(found.end)), found.replacement);
  await caseStates.save(info.marker.caseId, { ...state, mapping: found.mapping });
  await vscode.workspace.applyEdit(edit);
  await diagnostics.refreshCase(info);
}

async function sealCurrentCase(deps: KeyDeps, cases: CaseFolders, caseStates: ReturnType<typeof createCaseStateStore>): Promise<void> {
  const { ui } = deps;
  const active = vscode.window.activeTextEditor?.document.uri;
  const info = (active && (await cases.caseOf(active))) || (await cases.pickCase(ui));
  if (!info) return;
  const notes: NoteFile[] = [];
  const entries = await vscode.workspace.fs.readDirectory(info.folder);
  const names = new Set(entries.filter(([, type]) => type === vscode.FileType.File).map(([name]) => name));
  const notAnonymised = [...names].filter((n) => /\.md$/i.test(n) && !isAnonymisedName(n) && !names.has(anonymisedNameFor(n))).sort();
  for (const [name, type] of entries) {
    if (type !== vscode.FileType.File || !isAnonymisedName(name)) continue;
    const uri = vscode.Uri.joinPath(info.folder, name);
    // An open note may have unsaved adjustments: seal what the coach sees.
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    notes.push({ fileName: name, text: open ? open.getText() : new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)) });
  }
  notes.sort((a, b) => a.fileName.localeCompare(b.fileName, undefined, { numeric: true }));
  const roster = await cases.rosterOf(info);
  const outcome = await sealCaseFlow(deps, {
    caseId: info.marker.caseId,
    notes,
    notAnonymised,
    state: await caseStates.get(info.marker.caseId),
    ...(roster ? { roster } : {}),
  });
  if (!outcome) return;
  const folder = vscode.Uri.joinPath(info.folder, SEALED_FOLDER);
  await vscode.workspace.fs.createDirectory(folder);
  await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, outcome.fileName), outcome.bytes);
  ui.info(
    `Coach Guard: case sealed for ${outcome.supervisor.info.primaryUserId} (${formatFingerprint(outcome.supervisor.info.fingerprint)}) → ${SEALED_FOLDER}/${outcome.fileName}`,
  );
}

/** Opened cases and replies, in memory only, and the supervisor's reply panels. */
class OpenedCases implements vscode.Disposable {
  private readonly byCase = new Map<string, { opened: OpenedDocument; source: vscode.Uri }>();
  private readonly replies: ReplyPanels;

  constructor(
    private readonly documents: CaseDocumentProvider,
    private readonly deps: KeyDeps,
  ) {
    this.replies = new ReplyPanels((caseId, markdown) => this.sealReply(caseId, markdown));
  }

  async show(result: OpenedDocument, source: vscode.Uri): Promise<void> {
    const doc = result.document;
    const id = doc.kind === 'case' ? doc.caseId : doc.replyId;
    this.byCase.set(id, { opened: result, source });
    const summary = this.documents.put(id, doc.kind === 'case' ? 'case.md' : 'reply.md', renderOpenedSummary(result));
    const noteUris = doc.notes.map((note, i) => this.documents.put(id, `${i + 1}-${slugify(note.title) || 'note'}.md`, note.markdown));
    await vscode.window.showTextDocument(summary, { preview: false, viewColumn: vscode.ViewColumn.One });
    for (const uri of noteUris) await vscode.window.showTextDocument(uri, { preview: false, viewColumn: vscode.ViewColumn.Two });
    const signer = result.signer;
    void vscode.window.showInformationMessage(
      `Coach Guard: ${doc.kind === 'case' ? 'case' : 'reply'} opened — signature verified: ${signer.userId} (${formatFingerprint(signer.fingerprint)}).`,
    );
  }

  /** Opens (or brings back) the reply panel for the case in view, or the one the supervisor picks. */
  async reply(): Promise<void> {
    const { ui } = this.deps;
    const active = vscode.window.activeTextEditor?.document;
    const caseId = active?.uri.scheme === CASE_SCHEME ? active.uri.path.split('/')[1] : undefined;
    const candidates = [...this.byCase.entries()].filter(([, e]) => e.opened.document.kind === 'case');
    const chosen =
      (caseId && candidates.find(([id]) => id === caseId)) ||
      (candidates.length === 1
        ? candidates[0]
        : await ui.pick(
            candidates.map(([id, e]) => ({ label: id, description: e.opened.signer.userId, value: [id, e] as const })),
            { placeHolder: 'Reply to which case?' },
          ));
    if (!chosen) {
      ui.error('Coach Guard: open a sealed case first (Coach Guard: Open Sealed Case), then reply to it.');
      return;
    }
    const [id, entry] = chosen;
    const coach = entry.opened.signer;
    this.replies.show({ caseId: id, coach: `${coach.userId} (${formatFingerprint(coach.fingerprint)})` });
  }

  private async sealReply(caseId: string, markdown: string): Promise<boolean> {
    const entry = this.byCase.get(caseId);
    if (!entry || entry.opened.document.kind !== 'case') return false;
    const sealed = await sealReplyFlow(this.deps, { inReplyTo: entry.opened.document, markdown });
    if (!sealed) return false;
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(entry.source, '..', sealed.fileName), sealed.bytes);
    this.deps.ui.info(`Coach Guard: reply sealed for the coach (${formatFingerprint(entry.opened.document.coachFingerprint)}) → ${sealed.fileName}`);
    return true;
  }

  dispose(): void {
    this.replies.dispose();
    this.byCase.clear();
  }
}

async function chooseSealedFile(): Promise<vscode.Uri | undefined> {
  const active = vscode.window.activeTextEditor?.document.uri;
  if (active?.scheme === 'file' && /\.(gpg|asc)$/i.test(active.path)) return active;
  const picked = await vscode.window.showOpenDialog({
    canSelectFiles: true,
    canSelectMany: false,
    filters: { 'Sealed case': ['gpg', 'asc'] },
    openLabel: 'Open sealed case',
  });
  return picked?.[0];
}

/** A key file's content: bytes as they are (binary `.gpg` keys and armored text both work). */
async function keyTextToImport(uri?: vscode.Uri): Promise<string | Uint8Array | undefined> {
  if (uri instanceof vscode.Uri) return vscode.workspace.fs.readFile(uri);
  const active = vscode.window.activeTextEditor?.document;
  if (active && /-----BEGIN PGP (PUBLIC|PRIVATE) KEY BLOCK-----/.test(active.getText())) return active.getText();
  const picked = await vscode.window.showOpenDialog({
    canSelectFiles: true,
    canSelectMany: false,
    filters: { 'OpenPGP key': ['asc', 'pub', 'key', 'gpg'] },
    openLabel: 'Import key',
  });
  if (!picked?.[0]) return undefined;
  return vscode.workspace.fs.readFile(picked[0]);
}

async function chooseParentFolder(): Promise<vscode.Uri | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 1) return folders[0]!.uri;
  if (folders.length > 1) {
    const chosen = await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Where should the case folder go?' });
    return chosen?.uri;
  }
  const picked = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, openLabel: 'Create case here' });
  return picked?.[0];
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
