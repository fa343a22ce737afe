import * as vscode from 'vscode';
import { randomBytes } from 'node:crypto';
import { isReplyPageMessage, renderReplyPage, type ReplyPageReady } from './reply-page';

export interface ReplyTarget {
  caseId: string;
  /** Who the reply is for, as shown on the page. */
  coach: string;
}

/**
 * The supervisor's reply drafts, one panel per case. A draft lives in the panel and in this Map —
 * never in an editor (VS Code backs those up to disk) and never in webview state. It survives the
 * panel being closed, until VS Code closes or the reply is sealed.
 */
export class ReplyPanels implements vscode.Disposable {
  private readonly drafts = new Map<string, string>();
  private readonly panels = new Map<string, vscode.WebviewPanel>();

  /** `seal` returns true once the reply is sealed and written; it reports its own errors. */
  constructor(private readonly seal: (caseId: string, markdown: string) => Promise<boolean>) {}

  show(target: ReplyTarget): void {
    const existing = this.panels.get(target.caseId);
    if (existing) {
      existing.reveal();
      return;
    }
    const panel = vscode.window.createWebviewPanel('coachGuard.reply', `Reply: ${target.caseId}`, vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [],
      retainContextWhenHidden: true,
    });
    this.panels.set(target.caseId, panel);
    const nonce = randomBytes(18).toString('base64url');
    panel.webview.html = renderReplyPage({ ...target, draft: this.drafts.get(target.caseId) ?? '', nonce });
    let sealed = false;
    panel.webview.onDidReceiveMessage(async (message: unknown) => {
      if (!isReplyPageMessage(message)) return;
      this.drafts.set(target.caseId, message.text);
      if (message.type !== 'seal') return;
      sealed = await this.seal(target.caseId, message.text).catch(() => false);
      if (sealed) {
        this.drafts.delete(target.caseId);
        panel.dispose();
      } else {
        void panel.webview.postMessage({ type: 'ready' } satisfies ReplyPageReady);
      }
    });
    panel.onDidDispose(() => {
      this.panels.delete(target.caseId);
      if (!sealed && this.drafts.get(target.caseId)?.trim()) {
        void vscode.window.showInformationMessage(
          `Coach Guard: your reply to ${target.caseId} is kept in memory until VS Code closes; run "Coach Guard: Reply to Coach" to finish it.`,
        );
      }
    });
  }

  dispose(): void {
    for (const panel of this.panels.values()) panel.dispose();
    this.drafts.clear();
  }
}
