import * as vscode from 'vscode';
import { findIdentifiers } from '@coach-guard/core';
import type { CaseFolders, CaseInfo } from './case-workspace';
import { planFindings, type PlannedFinding } from './finding-plan';
import type { CaseStateStore } from './plugin-storage';

const SOURCE = 'Coach Guard';
const DEBOUNCE_MS = 250;

/**
 * Underlines what would reveal the client in a case's notes while the coach writes, and offers the
 * quick fixes. Only markdown files inside a case folder are looked at.
 */
export class FindingDiagnostics implements vscode.CodeActionProvider, vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('coach-guard');
  private readonly planned = new Map<string, { diagnostic: vscode.Diagnostic; finding: PlannedFinding }[]>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly cases: CaseFolders,
    private readonly caseStates: CaseStateStore,
  ) {}

  start(): void {
    this.subscriptions.push(
      vscode.workspace.onDidOpenTextDocument((doc) => this.schedule(doc, 0)),
      vscode.workspace.onDidChangeTextDocument((event) => this.schedule(event.document, DEBOUNCE_MS)),
      vscode.workspace.onDidCloseTextDocument((doc) => {
        this.collection.delete(doc.uri);
        this.planned.delete(doc.uri.toString());
      }),
    );
    for (const doc of vscode.workspace.textDocuments) this.schedule(doc, 0);
  }

  /** Recomputes every open note of a case, e.g. after its mapping or review list changed. */
  async refreshCase(info: CaseInfo): Promise<void> {
    const prefix = info.folder.path.endsWith('/') ? info.folder.path : `${info.folder.path}/`;
    await Promise.all(vscode.workspace.textDocuments.filter((d) => d.uri.scheme === 'file' && d.uri.path.startsWith(prefix)).map((d) => this.update(d)));
  }

  private schedule(doc: vscode.TextDocument, delay: number): void {
    if (doc.uri.scheme !== 'file' || doc.languageId !== 'markdown') return;
    const key = doc.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.update(doc).catch((error: unknown) => console.error('Coach Guard diagnostics:', error instanceof Error ? error.message : error));
      }, delay),
    );
  }

  private async update(doc: vscode.TextDocument): Promise<void> {
    const info = await this.cases.caseOf(doc.uri);
    if (!info) {
      this.collection.delete(doc.uri);
      return;
    }
    const version = doc.version;
    const state = await this.caseStates.get(info.marker.caseId);
    const roster = await this.cases.rosterOf(info).catch(() => undefined);
    if (doc.isClosed || doc.version !== version) return; // a newer change is already scheduled
    const text = doc.getText();
    const findings = planFindings(findIdentifiers(text, { mapping: state.mapping, ...(roster ? { roster } : {}) }), {
      reviewed: state.reviewed,
    });
    const entries = findings.map((finding) => {
      const diagnostic = new vscode.Diagnostic(
        new vscode.Range(doc.positionAt(finding.start), doc.positionAt(finding.end)),
        finding.message,
        finding.severity === 'warning' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Information,
      );
      diagnostic.source = SOURCE;
      diagnostic.code = finding.code;
      return { diagnostic, finding };
    });
    this.planned.set(doc.uri.toString(), entries);
    this.collection.set(
      doc.uri,
      entries.map((e) => e.diagnostic),
    );
  }

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const entries = this.planned.get(document.uri.toString()) ?? [];
    // The findings VS Code names in the context, and any other finding under the cursor or selection
    // (the context can lag behind a refresh of the diagnostics by a moment).
    const named = context.diagnostics.filter((d) => d.source === SOURCE);
    const wanted = entries.filter(
      (e) =>
        named.some((d) => e.diagnostic.range.isEqual(d.range) && e.diagnostic.message === d.message) ||
        e.diagnostic.range.intersection(range) !== undefined,
    );
    const actions: vscode.CodeAction[] = [];
    for (const entry of wanted) {
      const { diagnostic, finding } = entry;
      const words = document.getText(diagnostic.range);
      if (finding.pseudonym) {
        const replace = new vscode.CodeAction(`Replace “${words}” with the case’s pseudonym “${finding.pseudonym}”`, vscode.CodeActionKind.QuickFix);
        replace.diagnostics = [diagnostic];
        replace.isPreferred = true;
        replace.command = {
          command: 'coachGuard.replaceWithPseudonym',
          title: replace.title,
          arguments: [document.uri.toString(), finding.start, finding.end],
        };
        actions.push(replace);
      }
      const review = new vscode.CodeAction(`Mark “${words}” as reviewed (keep it)`, vscode.CodeActionKind.QuickFix);
      review.diagnostics = [diagnostic];
      review.command = { command: 'coachGuard.markReviewed', title: review.title, arguments: [document.uri.toString(), finding.reviewKey] };
      actions.push(review);
    }
    return actions;
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    for (const s of this.subscriptions) s.dispose();
    this.collection.dispose();
  }
}
