/**
 * The page of the supervisor's reply panel. The draft is written in a webview rather than an editor
 * because VS Code backs up every dirty editor to its user-data folder about a second after typing
 * stops (hot exit or not): a plaintext reply would reach the disk before it is sealed. A webview
 * keeps it in memory; the page posts it to the extension host, which keeps it in memory too.
 * `autocomplete="off"` keeps the browser itself from saving the field for session restore (a
 * browser-hosted VS Code otherwise writes it into the profile's Sessions files).
 */
import { escapeHtml } from './html';

/** What the page posts to the extension. */
export type ReplyPageMessage = { type: 'draft'; text: string } | { type: 'seal'; text: string };
/** What the extension posts back once a seal attempt has ended without sealing. */
export interface ReplyPageReady {
  type: 'ready';
}

export interface ReplyPageOptions {
  caseId: string;
  /** Who the reply is sealed for, e.g. "Alex Coach <alex@coach.example> (ABCD 1234 …)". */
  coach: string;
  draft: string;
  /** A fresh random value per page: the only script allowed to run carries it. */
  nonce: string;
}

export function isReplyPageMessage(value: unknown): value is ReplyPageMessage {
  if (typeof value !== 'object' || value === null) return false;
  const { type, text } = value as { type?: unknown; text?: unknown };
  return (type === 'draft' || type === 'seal') && typeof text === 'string';
}

export function renderReplyPage({ caseId, coach, draft, nonce }: ReplyPageOptions): string {
  if (!/^[A-Za-z0-9+/=_-]{16,}$/.test(nonce)) throw new Error('renderReplyPage: the nonce must be a random token');
  const csp = `default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}';`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<title>Reply to ${escapeHtml(caseId)}</title>
<style nonce="${nonce}">
  body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); padding: 0 1.5em 1.5em; max-width: 60em; }
  textarea { box-sizing: border-box; width: 100%; min-height: 22em; resize: vertical; padding: .6em;
    font-family: var(--vscode-editor-font-family); font-size: var(--vscode-editor-font-size);
    color: var(--vscode-input-foreground); background: var(--vscode-input-background);
    border: 1px solid var(--vscode-input-border, transparent); }
  textarea:focus { outline: 1px solid var(--vscode-focusBorder); }
  button { margin-top: .8em; padding: .4em 1.2em; border: none; cursor: pointer;
    color: var(--vscode-button-foreground); background: var(--vscode-button-background); }
  button:hover { background: var(--vscode-button-hoverBackground); }
  button:disabled { opacity: .6; cursor: default; }
  .hint { color: var(--vscode-descriptionForeground); }
</style>
</head>
<body>
<h1>Reply to case ${escapeHtml(caseId)}</h1>
<p>Sealed for <strong>${escapeHtml(coach)}</strong> and signed with your key. Markdown is fine.</p>
<label for="reply">Your reply</label>
<textarea id="reply" spellcheck="true" autocomplete="off" autofocus>${escapeHtml(draft)}</textarea>
<div><button id="seal" type="button">Seal reply for the coach</button> <span id="status" role="status" aria-live="polite"></span></div>
<p class="hint">The draft stays in this window's memory and is never written to disk. Closing this tab keeps it until VS Code closes: run “Coach Guard: Reply to Coach” to come back to it. Ctrl+Enter seals.</p>
<script nonce="${nonce}">
  const vscode = acquireVsCodeApi();
  const reply = document.getElementById('reply');
  const seal = document.getElementById('seal');
  const status = document.getElementById('status');
  let timer;
  const send = (type) => vscode.postMessage({ type, text: reply.value });
  reply.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(() => send('draft'), 250); });
  const sealNow = () => {
    if (seal.disabled) return;
    clearTimeout(timer);
    seal.disabled = true;
    status.textContent = 'Sealing…';
    send('seal');
  };
  seal.addEventListener('click', sealNow);
  reply.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) { event.preventDefault(); sealNow(); }
  });
  window.addEventListener('message', (event) => {
    if (event.data && event.data.type === 'ready') { seal.disabled = false; status.textContent = ''; reply.focus(); }
  });
</script>
</body>
</html>`;
}

