import * as vscode from 'vscode';
import { randomBytes } from 'node:crypto';
import { CaseDocumentProvider, CASE_SCHEME } from './case-documents';
import { CASE_MARKER, createCaseMarker, slugify } from './case-folder';
import { renderCaseTemplate } from './case-template';
import { createPassphraseCache } from './passphrase-cache';
import { createVscodeUi } from './vscode-ui';

export function activate(context: vscode.ExtensionContext): void {
  const ui = createVscodeUi();
  const passphrases = createPassphraseCache({
    ttlMs: () => vscode.workspace.getConfiguration('coachGuard').get<number>('passphraseCacheMinutes', 10) * 60_000,
  });
  const caseDocuments = new CaseDocumentProvider();

  const status = vscode.window.createStatusBarItem('coach-guard.coach-guard-supervision.status', vscode.StatusBarAlignment.Right, 100);
  status.name = 'Coach Guard';
  status.text = '$(shield) Coach Guard';
  status.tooltip = 'Coach Guard supervision: list your keys';
  status.command = 'coachGuard.listKeys';
  status.show();

  context.subscriptions.push(
    status,
    passphrases,
    caseDocuments,
    vscode.workspace.registerTextDocumentContentProvider(CASE_SCHEME, caseDocuments),
    vscode.commands.registerCommand('coachGuard.newCase', () => newCase(ui)),
    vscode.commands.registerCommand('coachGuard.forgetPassphrase', () => {
      passphrases.forget();
      ui.info('Coach Guard: cached passphrases forgotten.');
    }),
  );
}

export function deactivate(): void {}

async function newCase(ui: ReturnType<typeof createVscodeUi>): Promise<void> {
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
  await vscode.workspace.fs.writeFile(note, encoder.encode(renderCaseTemplate({ title, createdAt: new Date() })));
  const editor = await vscode.window.showTextDocument(note);
  const lastLine = editor.document.lineCount - 1;
  editor.selection = new vscode.Selection(lastLine, 0, lastLine, 0);
  ui.info(`Coach Guard: case "${title}" created.`);
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
