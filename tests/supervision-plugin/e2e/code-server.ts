/**
 * Starts a real VS Code (code-server) with the packaged plugin installed, in throwaway folders,
 * and drives it through Playwright the way a person does: the command palette, input boxes,
 * notification toasts and editor text. No fixed sleeps: every step waits on something visible.
 */
import { chromium, expect, type BrowserContext, type Page } from '@playwright/test';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const REPO = resolve(import.meta.dirname, '../../..');
const EGRESS_RECORDER = join(REPO, 'tests/security/egress-recorder.cjs');

/** One outgoing connection or DNS lookup made by a VS Code process (see egress-recorder.cjs). */
export interface EgressRecord {
  pid: number;
  kind: string;
  host?: string;
  port?: number;
  loopback?: boolean;
  argv?: string[];
  stack?: string;
}

/** The install made by scripts/ensure-code-server.sh (it prints the folder on its last line). */
export function codeServerBin(): string {
  const out = execFileSync('bash', [join(REPO, 'scripts/ensure-code-server.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const dir = out.trim().split('\n').pop()!;
  return join(dir, 'node_modules/.bin/code-server');
}

export function pluginVsix(): string {
  const dist = join(REPO, 'supervision-plugin/dist');
  const vsix = existsSync(dist) ? readdirSync(dist).find((f) => f.endsWith('.vsix')) : undefined;
  if (!vsix) throw new Error('no .vsix in supervision-plugin/dist: run `npm run build:plugin` first');
  return join(dist, vsix);
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

// Last resort for a worker that is torn down mid-test (a timeout): no code-server outlives it.
const running = new Set<number>();
process.on('exit', () => {
  for (const pid of running) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});

export interface VsCode {
  page: Page;
  workspace: string;
  /** This person's VS Code: server user data, extensions, and the browser profile. */
  home: string;
  /** What this VS Code's processes have recorded so far: which were watched, and every connection. */
  egress(): EgressRecord[];
  stop(): Promise<void>;
}

/** One person's VS Code: their own user data, extensions and (so) plugin storage. */
export async function startVsCode(options: { workspace: string; home?: string; settings?: Record<string, unknown> }): Promise<VsCode> {
  const bin = codeServerBin();
  const home = options.home ?? mkdtempSync(join(tmpdir(), 'cg-vscode-'));
  const dirs = {
    userData: join(home, 'user-data'),
    extensions: join(home, 'extensions'),
    config: join(home, 'config'),
    data: join(home, 'data'),
  };
  for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });
  mkdirSync(join(dirs.userData, 'User'), { recursive: true });
  // A quiet workbench: no welcome page stealing focus, nothing that reaches for the network.
  writeFileSync(
    join(dirs.userData, 'User/settings.json'),
    JSON.stringify({
      'workbench.startupEditor': 'none',
      'workbench.welcomePage.walkthroughs.openOnInstall': false,
      'workbench.tips.enabled': false,
      'telemetry.telemetryLevel': 'off',
      'extensions.autoCheckUpdates': false,
      'extensions.autoUpdate': false,
      'update.mode': 'none',
      'git.enabled': false,
      'security.workspace.trust.enabled': false,
      'editor.minimap.enabled': false,
      'files.hotExit': 'off',
      ...options.settings,
    }),
  );
  // Every Node process of this VS Code (server, extension host) records its outgoing connections
  // and DNS lookups: the journeys assert the plugin made none.
  const egressLog = join(home, 'egress.jsonl');
  const env = {
    ...process.env,
    XDG_CONFIG_HOME: dirs.config,
    XDG_DATA_HOME: dirs.data,
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${EGRESS_RECORDER}`.trim(),
    CG_EGRESS_LOG: egressLog,
  };
  const common = ['--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions];
  execFileSync(bin, [...common, '--install-extension', pluginVsix()], { env, stdio: ['ignore', 'ignore', 'inherit'] });

  const port = await freePort();
  const server: ChildProcess = spawn(
    bin,
    [
      ...common,
      '--bind-addr', `127.0.0.1:${port}`,
      '--auth', 'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      options.workspace,
    ],
    { env, detached: true, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  if (server.pid) running.add(server.pid);
  server.once('exit', () => server.pid && running.delete(server.pid));
  let stderr = '';
  server.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  let browser: BrowserContext | undefined;
  const stop = async () => {
    await browser?.close().catch(() => undefined);
    if (server.pid && server.exitCode === null) {
      const exited = new Promise((r) => server.once('exit', r));
      process.kill(-server.pid, 'SIGTERM');
      await exited;
    }
    if (!options.home && !process.env.CG_KEEP_VSCODE_HOME) rmSync(home, { recursive: true, force: true });
  };
  try {
    await expect
      .poll(
        async () => {
          if (server.exitCode !== null) throw new Error(`code-server exited (${server.exitCode}): ${stderr}`);
          return fetch(`${url}/healthz`).then((r) => r.status, () => 0);
        },
        { timeout: 60_000, message: 'code-server /healthz' },
      )
      .toBe(200);

    // The browser profile lives in this person's home too, so that "what reached the disk" can be
    // checked over both halves of VS Code: the server's user data and the browser's storage.
    browser = await chromium.launchPersistentContext(join(home, 'browser-profile'), {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: { width: 1400, height: 900 },
    });
    const page = browser.pages()[0] ?? (await browser.newPage());
    await page.goto(`${url}/?folder=${encodeURIComponent(options.workspace)}`);
    await expect(page.locator('.monaco-workbench')).toBeVisible({ timeout: 60_000 });
    // The plugin shows its status bar item when activate() has run: only then are its commands
    // in the command palette.
    await expect(page.getByRole('status').getByRole('button', { name: /Coach Guard supervision/ })).toBeVisible({ timeout: 60_000 });
    const egress = () =>
      existsSync(egressLog)
        ? readFileSync(egressLog, 'utf8')
            .split('\n')
            .filter(Boolean)
            .map((line) => JSON.parse(line) as EgressRecord)
        : [];
    return { page, workspace: options.workspace, home, egress, stop };
  } catch (error) {
    // A failed start must not leave a code-server running.
    await stop();
    throw error;
  }
}

/** F1, the command's title, Enter — as a person runs a command. */
export async function runCommand(page: Page, title: string): Promise<void> {
  const input = page.locator('.quick-input-widget input.input');
  // The workbench may still be moving focus around just after start: retry F1 until it opens.
  await expect(async () => {
    if (!(await input.isVisible())) await page.keyboard.press('F1');
    await expect(input).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await input.fill(`>${title}`);
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
  await expect(row).toBeVisible();
  await page.keyboard.press('Enter');
}

/** Waits for the quick input to ask `prompt`, types `value`, presses Enter. */
export async function answer(page: Page, prompt: string | RegExp, value: string): Promise<void> {
  const widget = page.locator('.quick-input-widget');
  await expect(widget).toBeVisible();
  await expect(widget).toContainText(prompt);
  const input = widget.locator('input.input');
  await input.fill(value);
  await expect(input).toHaveValue(value);
  await page.keyboard.press('Enter');
}

/** Waits for the quick pick to offer an item containing `text`, then picks it. */
export async function pickItem(page: Page, placeholder: string | RegExp, text: string): Promise<void> {
  const widget = page.locator('.quick-input-widget');
  await expect(widget).toBeVisible();
  await expect(widget.locator('input.input')).toHaveAttribute('placeholder', placeholder);
  const row = widget.locator('.quick-input-list .monaco-list-row', { hasText: text }).first();
  await expect(row).toBeVisible();
  await row.click();
}

export function toast(page: Page, text: string | RegExp) {
  return page.locator('.notifications-toasts .notification-toast', { hasText: text });
}

/** The text of the active editor as rendered (only the visible lines: keep journeys' notes short). */
export function activeEditorLines(page: Page) {
  return page.locator('.editor-group-container.active .monaco-editor .view-lines').first();
}

/**
 * Files under `dir` whose bytes hold `text` (as UTF-8 or UTF-16, as browsers store strings): where
 * a plaintext could have reached the disk.
 */
export function filesHolding(dir: string, text: string): string[] {
  const needles = [Buffer.from(text, 'utf8'), Buffer.from(text, 'utf16le')];
  const found: string[] = [];
  const walk = (path: string) => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const full = join(path, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) {
        let bytes: Buffer;
        try {
          bytes = readFileSync(full);
        } catch {
          continue; // a lock file or socket the browser holds
        }
        if (needles.some((n) => bytes.includes(n))) found.push(full);
      }
    }
  };
  walk(dir);
  return found;
}
