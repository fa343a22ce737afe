/**
 * Playwright fixtures: one Debian Chromium with the built extension per worker, the page server,
 * a clean copy of the coach's data for every test, and a network log that fails any test during
 * which an extension context reached the network (or anything left 127.0.0.1).
 */
import { test as base, chromium, expect, type BrowserContext, type Frame, type Locator, type Page, type Worker } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startPageServer, type PageServer } from './page-server';

export const EXTENSION_DIR = resolve(import.meta.dirname, '../../../.output/chrome-mv3');
const CHROMIUM = process.env.CG_CHROMIUM ?? '/usr/bin/chromium';

export interface NetworkEntry {
  url: string;
  fromExtension: boolean;
}

export interface ExtensionHandle {
  context: BrowserContext;
  id: string;
  worker: Worker;
  network: NetworkEntry[];
}

interface WorkerFixtures {
  server: PageServer;
  extension: ExtensionHandle;
}

interface TestFixtures {
  /** A new tab in the extension's browser; closed after the test. */
  tab: Page;
  /** Clears the coach's data before the test and checks the network after it. */
  isolation: void;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  server: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from this pattern
    async ({}, use) => {
      const server = await startPageServer();
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  extension: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from this pattern
    async ({}, use) => {
      if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) throw new Error(`no built extension in ${EXTENSION_DIR}: run npm run build:extension`);
      const userDataDir = mkdtempSync(join(tmpdir(), 'cg-chromium-'));
      const context = await chromium.launchPersistentContext(userDataDir, {
        executablePath: CHROMIUM,
        headless: true,
        ignoreDefaultArgs: ['--disable-extensions'],
        viewport: { width: 1000, height: 800 },
        args: [
          `--disable-extensions-except=${EXTENSION_DIR}`,
          `--load-extension=${EXTENSION_DIR}`,
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      });
      const network: NetworkEntry[] = [];
      context.on('request', (request) => {
        let fromExtension = request.serviceWorker() !== null;
        // A navigation is the test driving the tab (page.goto from an options page to a site);
        // it is judged by where it goes, not by the page it leaves.
        if (!fromExtension && !request.isNavigationRequest()) {
          try {
            fromExtension = request.frame().url().startsWith('chrome-extension://');
          } catch {
            fromExtension = true;
          }
        }
        network.push({ url: request.url(), fromExtension });
      });
      const worker = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ?? (await context.waitForEvent('serviceworker'));
      const id = new URL(worker.url()).host;
      await use({ context, id, worker, network });
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
  isolation: [
    async ({ extension }, use) => {
      await clearCoachData(extension.worker);
      const from = extension.network.length;
      await use();
      const offending = extension.network.slice(from).filter((r) => (r.fromExtension ? !r.url.startsWith('chrome-extension://') : isRemote(r.url)));
      expect(offending, 'network requests from extension contexts or to anything but the local page server').toEqual([]);
    },
    { auto: true },
  ],
  tab: async ({ extension }, use) => {
    const page = await extension.context.newPage();
    await use(page);
    await page.close();
  },
});

export { expect };

function isRemote(url: string): boolean {
  if (!/^(https?|wss?):/.test(url)) return false;
  return new URL(url).hostname !== '127.0.0.1';
}

/** Empties every store of the extension's IndexedDB (the schema stays). */
async function clearCoachData(worker: Worker): Promise<void> {
  await worker.evaluate(async () => {
    const dbs = await indexedDB.databases();
    if (!dbs.some((d) => d.name === 'coach-guard')) return;
    await new Promise<void>((done, fail) => {
      const open = indexedDB.open('coach-guard');
      open.onerror = () => fail(open.error);
      open.onsuccess = () => {
        const db = open.result;
        const names = [...db.objectStoreNames];
        if (names.length === 0) return (db.close(), done());
        const tx = db.transaction(names, 'readwrite');
        for (const n of names) tx.objectStore(n).clear();
        tx.oncomplete = () => (db.close(), done());
        tx.onerror = () => fail(tx.error);
      };
    });
  });
}

/** Underlines Coach Guard drew in `scope` (a page or a frame), found through the public hooks. */
export function underlines(scope: Page | Frame, category?: string): Locator {
  return scope.locator(category ? `coach-guard-ui [data-cg-finding][data-category="${category}"]` : 'coach-guard-ui [data-cg-finding]');
}

/**
 * Saves docs/screenshots/extension-<name>.png when CG_SCREENSHOTS=1 (the README's pictures come
 * from the journeys themselves); a normal run leaves the tracked files alone.
 */
export async function snap(page: Page, name: string, clip?: Locator): Promise<void> {
  if (process.env.CG_SCREENSHOTS !== '1') return;
  const path = resolve(import.meta.dirname, `../../../docs/screenshots/extension-${name}.png`);
  if (clip) await clip.screenshot({ path });
  else await page.screenshot({ path });
}

/** The distinct findings drawn in `scope` (an underline has one box per line it spans). */
export async function drawnFindings(scope: Page | Frame): Promise<{ id: string; category: string }[]> {
  const all = await underlines(scope).evaluateAll((els) => els.map((e) => ({ id: e.getAttribute('data-cg-finding')!, category: e.getAttribute('data-category')! })));
  return [...new Map(all.map((f) => [f.id, f])).values()];
}

/** Waits until `scope` has painted twice: long enough for a scheduled analysis to have run. */
export async function framesPass(scope: Page | Frame): Promise<void> {
  await scope.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));
}
