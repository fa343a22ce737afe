import * as vscode from 'vscode';

/** The scheme of opened sealed cases: documents that exist only in this process's memory. */
export const CASE_SCHEME = 'coach-guard-case';

/**
 * Serves the notes of an opened sealed case as read-only virtual documents. The plaintext lives in
 * this Map and nowhere else: nothing is written to the workspace or to storage, and a case is
 * dropped from memory when the last of its documents is closed.
 */
export class CaseDocumentProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly contents = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly closing: vscode.Disposable;

  constructor() {
    this.closing = vscode.workspace.onDidCloseTextDocument((doc) => {
      if (doc.uri.scheme !== CASE_SCHEME) return;
      this.contents.delete(doc.uri.toString());
    });
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? '';
  }

  /** Registers a document and returns its URI, e.g. `coach-guard-case:/case-7/1-first-session.md`. */
  put(folder: string, fileName: string, text: string): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: CASE_SCHEME, path: `/${folder}/${fileName}` });
    this.contents.set(uri.toString(), text);
    this.changed.fire(uri);
    return uri;
  }

  has(uri: vscode.Uri): boolean {
    return this.contents.has(uri.toString());
  }

  dispose(): void {
    this.contents.clear();
    this.changed.dispose();
    this.closing.dispose();
  }
}
