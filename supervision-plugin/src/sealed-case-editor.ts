import type * as vscode from 'vscode';
import type { OpenedDocument } from '@coach-guard/core';
import { isRefusal, type Refusal } from './case-flows';
import { escapeHtml } from './html';

/**
 * Opening a `.gpg` sealed file from the explorer: instead of VS Code's "binary file" page, the
 * file is opened as by "Coach Guard: Open Sealed Case" (decrypted and verified in memory, notes as
 * read-only virtual documents). The panel itself shows only the outcome, never case content.
 */
export class SealedCaseEditorProvider implements vscode.CustomReadonlyEditorProvider {
  static readonly viewType = 'coachGuard.sealedCase';

  constructor(private readonly open: (uri: vscode.Uri) => Promise<OpenedDocument | Refusal | undefined>) {}

  openCustomDocument(uri: vscode.Uri): vscode.CustomDocument {
    return { uri, dispose: () => undefined };
  }

  async resolveCustomEditor(document: vscode.CustomDocument, panel: vscode.WebviewPanel): Promise<void> {
    panel.webview.options = { enableScripts: false };
    let disposed = false;
    panel.onDidDispose(() => (disposed = true));
    const name = document.uri.path.split('/').pop() ?? '';
    panel.webview.html = page(`Opening ${name}…`);
    const opened = await this.open(document.uri);
    if (!disposed) {
      panel.webview.html = !opened
        ? page(`${name}: not opened. Run “Coach Guard: Open Sealed Case” to try again.`)
        : isRefusal(opened)
          ? page(`${name}: ${opened.refused}`)
          : page(`${name}: opened in memory. Signature verified — ${opened.signer.userId}.`);
    }
  }
}

function page(message: string): string {
  const escaped = escapeHtml(message);
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none';"></head><body><p>${escaped}</p></body></html>`;
}
