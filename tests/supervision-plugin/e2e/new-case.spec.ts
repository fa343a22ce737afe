import { expect, test } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { activeEditorLines, answer, runCommand, startVsCode, toast } from './code-server';

test('a coach starts a new supervision case from the template', async () => {
  const workspace = mkdtempSync(join(tmpdir(), 'cg-ws-'));
  const vscode = await startVsCode({ workspace });
  try {
    const { page } = vscode;
    await runCommand(page, 'Coach Guard: New Supervision Case');
    await answer(page, 'a theme, not a client name', 'PIP and the sponsor');
    await expect(toast(page, 'case "PIP and the sponsor" created')).toBeVisible();
    await expect(activeEditorLines(page)).toContainText('The contract and the parties');
    await page.screenshot({ path: 'test-results/supervision-plugin/new-case.png' });
  } finally {
    await vscode.stop();
  }
});
