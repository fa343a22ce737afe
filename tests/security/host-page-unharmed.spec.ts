/**
 * Threat: the extension harms the host page — changes what the coach typed, what the editor holds
 * or what the form sends, or leaves overlays and listeners behind when it is reloaded or updated
 * mid-typing. Each editor is driven twice, in a browser without Coach Guard and in one with it,
 * with the same keystrokes; everything the page can observe must come out identical.
 */
import { chromium, expect, test, type BrowserContext, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EDITORS, editorText, openEditor, sentTexts, type EditorCase } from '../extension/support/editors';
import { EXTENSION_DIR, underlines } from '../extension/support/fixtures';
import { startPageServer, type PageServer } from '../extension/support/page-server';

// Logistics, a leak, and characters that are easy to mangle: accents, a dash, curly quotes, emoji.
const TYPED = 'Our next session is on Tuesday at 10:00. She told me she has been anxious about the PIP. Café — she’s “fine” 🙂.';

const profiles: string[] = [];
async function launch(withExtension: boolean): Promise<BrowserContext> {
  const dir = mkdtempSync(join(tmpdir(), 'cg-host-'));
  profiles.push(dir);
  const base = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
  return chromium.launchPersistentContext(dir, {
    executablePath: process.env.CG_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1000, height: 800 },
    ...(withExtension ? { ignoreDefaultArgs: ['--disable-extensions'] } : {}),
    args: withExtension ? [`--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`, ...base] : base,
  });
}

async function extensionWorker(context: BrowserContext) {
  return context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ?? (await context.waitForEvent('serviceworker'));
}

/** Everything the page can observe of one coach's typing: the editor's text, its DOM, what was sent. */
async function typeAndSend(page: Page, server: PageServer, editor: EditorCase, guarded: boolean) {
  const scope = await openEditor(page, server.origin, editor);
  const editable = scope.locator(editor.editable);
  await editable.click();
  await page.keyboard.type(TYPED);
  await expect.poll(() => editorText(page)).toBe(TYPED);
  // With Coach Guard the leak is underlined: the comparison is with a guard that is really working.
  if (guarded) await expect(underlines(scope, 'wellbeing').first()).toBeVisible();
  const text = await editorText(page);
  const dom = await editable.evaluate((el) => (el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement ? el.value : el.innerHTML));
  const before = server.submissions.length;
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  if (guarded) await page.locator('coach-guard-ui [data-cg-send-confirmation]').getByRole('button', { name: 'Send anyway' }).click();
  let sent: unknown;
  if (editor.postsForm) {
    await expect(page.locator('#sent')).toBeVisible();
    sent = server.submissions.slice(before);
  } else {
    await expect.poll(() => sentTexts(page)).toHaveLength(1);
    sent = await sentTexts(page);
  }
  return { text, dom, sent };
}

test.describe.configure({ mode: 'serial' });

let server: PageServer;
let plain: BrowserContext;
let guarded: BrowserContext;

test.beforeAll(async () => {
  server = await startPageServer();
  plain = await launch(false);
  guarded = await launch(true);
  await extensionWorker(guarded);
});

test.afterAll(async () => {
  await plain?.close();
  await guarded?.close();
  await server?.close();
  for (const dir of profiles) rmSync(dir, { recursive: true, force: true });
});

for (const editor of EDITORS) {
  test(`${editor.name}: typed text, editor DOM and sent data are byte-identical with and without Coach Guard`, async () => {
    const withoutPage = await plain.newPage();
    const without = await typeAndSend(withoutPage, server, editor, false);
    await withoutPage.close();
    const withPage = await guarded.newPage();
    const withGuard = await typeAndSend(withPage, server, editor, true);
    await withPage.close();
    expect(without.text).toBe(TYPED);
    expect(withGuard).toEqual(without);
  });
}

test('reloading the extension mid-typing keeps the text, removes the overlay and stops listening', async () => {
  const context = await launch(true);
  try {
    const worker = await extensionWorker(context);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    const contenteditable = EDITORS.find((e) => e.name === 'contenteditable')!;
    const scope = await openEditor(page, server.origin, contenteditable);
    await scope.locator(contenteditable.editable).click();
    const first = 'She told me she has been anxious about the PIP.';
    await page.keyboard.type(first);
    await expect(underlines(scope, 'wellbeing').first()).toBeVisible();

    // An update or a reload from chrome://extensions: the running content script is orphaned.
    // Scheduled, so the evaluation returns before the worker it runs in goes away.
    await worker.evaluate(() => {
      setTimeout(() => (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload(), 50);
    });
    await expect.poll(() => context.serviceWorkers().includes(worker)).toBe(false);

    // The coach keeps typing: their first keystroke lets the orphan notice, and it takes its
    // underlines away; every keystroke still lands in the editor.
    const more = ' He has been looking at other jobs.';
    await page.keyboard.type(more);
    await expect.poll(() => editorText(page)).toBe(first + more);
    await expect(page.locator('coach-guard-ui [data-cg-finding]')).toHaveCount(0);
    // Nothing answers typing any more: no underline comes back for the new risky sentence,
    // and the orphaned script throws no "Extension context invalidated" errors into the page.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await expect(page.locator('coach-guard-ui [data-cg-finding]')).toHaveCount(0);
    expect(errors.filter((e) => /context invalidated|coach.?guard/i.test(e))).toEqual([]);
    // The underlines the browser painted on the text are taken away too.
    const painted = await page.evaluate(() => [...(CSS as unknown as { highlights: Map<string, unknown> }).highlights.keys()].filter((n) => n.startsWith('coach-guard-')));
    expect(painted).toEqual([]);
  } finally {
    await context.close();
  }
});
