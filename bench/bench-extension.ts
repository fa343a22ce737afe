/**
 * Extension figures: the content script's size (gzipped), and the time from an input event to
 * underlines drawn on a 2,000-word contenteditable, in Debian's Chromium with the built extension.
 */
import { chromium, type BrowserContext } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { startPageServer } from '../tests/extension/support/page-server';
import { heading, ms, percentile } from './stats';

const ROOT = resolve(import.meta.dirname, '..');
const DIR = join(ROOT, '.output/chrome-mv3');
const CHROMIUM = process.env.CG_CHROMIUM ?? '/usr/bin/chromium';
const RUNS = 60;

export async function run(): Promise<void> {
  heading('extension');
  if (!existsSync(join(DIR, 'manifest.json'))) {
    const built = spawnSync(process.execPath, [join(ROOT, 'node_modules/wxt/bin/wxt.mjs'), 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (built.status !== 0) throw new Error('wxt build failed');
  }
  const script = readFileSync(join(DIR, 'content-scripts/guard.js'));
  console.log(`content script: ${(script.length / 1024).toFixed(1)} kB, ${(gzipSync(script, { level: 9 }).length / 1024).toFixed(1)} kB gzipped`);

  if (!existsSync(CHROMIUM)) {
    console.log(`input → underlines: skipped (no Chromium at ${CHROMIUM}; run scripts/ensure-chromium.sh)`);
    return;
  }
  const server = await startPageServer();
  const profile = mkdtempSync(join(tmpdir(), 'cg-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    ignoreDefaultArgs: ['--disable-extensions'],
    viewport: { width: 1000, height: 900 },
    args: [`--disable-extensions-except=${DIR}`, `--load-extension=${DIR}`, '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await context.newPage();
    await page.goto(`${server.origin}/pages/long.html`);
    await page.waitForFunction(() => (window as unknown as { editorReady?: boolean }).editorReady === true);
    const words = await page.evaluate(() => (window as unknown as { wordCount: number }).wordCount);
    await page.locator('#field p').last().click();
    await page.keyboard.press('End');
    await page.locator('coach-guard-ui [data-cg-finding]').first().waitFor();
    // In the page: time from the input event a keystroke causes to the next overlay redraw and
    // the frame that paints it. The layer's data-cg-revision changes on every redraw.
    const { latency, work } = await page.evaluate(async (runs) => {
      const layer = document.querySelector('coach-guard-ui')!.shadowRoot!.querySelector('[data-cg-layer]')!;
      const field = document.getElementById('field')!;
      const latency: number[] = [];
      const work: number[] = [];
      for (let i = 0; i < runs; i++) {
        let t0 = 0;
        let frameStart = 0;
        let drawnAt = 0;
        const painted = new Promise<void>((done) => {
          const mo = new MutationObserver(() => {
            drawnAt = performance.now();
            mo.disconnect();
            requestAnimationFrame(() => done());
          });
          mo.observe(layer, { attributes: true, attributeFilter: ['data-cg-revision'] });
        });
        field.addEventListener('input', () => (t0 = performance.now()), { once: true });
        document.execCommand('insertText', false, i % 2 === 0 ? 'x' : ' ');
        // Queued now, before the guard's own frame callback (the guard queues it from a
        // MutationObserver microtask, which runs at the await below): it marks when the frame
        // that runs the guard's analysis began.
        requestAnimationFrame(() => (frameStart = performance.now()));
        await painted;
        latency.push(performance.now() - t0);
        work.push(drawnAt - frameStart);
      }
      return { latency: latency.sort((a, b) => a - b), work: work.sort((a, b) => a - b) };
    }, RUNS);
    console.log(`input → underlines painted, ${words}-word contenteditable (${RUNS} keystrokes): median ${ms(percentile(latency, 50))}, p95 ${ms(percentile(latency, 95))} (waits for the next frame to analyse, and the one after to paint)`);
    console.log(`main-thread work per keystroke (read text, analyse, measure, draw): median ${ms(percentile(work, 50))}, p95 ${ms(percentile(work, 95))} (a frame is 16.7 ms)`);
    await heavyPage(context, server.origin);
  } finally {
    await context.close();
    await server.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

/**
 * Threat: the extension makes a big page unusable. An HR-portal-like page with 200 fields and a
 * 100,000-word textarea: long tasks (over 50 ms) while the page loads and while the coach moves
 * through the fields, the wait for the first underlines in the big box, and then per keystroke.
 */
async function heavyPage(context: BrowserContext, origin: string): Promise<void> {
  const page = await context.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { cgLongTasks: number[] };
    w.cgLongTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.cgLongTasks.push(e.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(`${origin}/pages/heavy.html`);
  await page.waitForFunction(() => (window as unknown as { editorReady?: boolean }).editorReady === true);
  const words = await page.evaluate(() => (window as unknown as { wordCount: number }).wordCount);
  const longTasks = () => page.evaluate(() => (window as unknown as { cgLongTasks: number[] }).cgLongTasks.splice(0));
  const describe = (tasks: number[]) => (tasks.length === 0 ? 'no long tasks' : `${tasks.length} long task(s), longest ${ms(Math.max(...tasks))}, total ${ms(tasks.reduce((a, b) => a + b, 0))}`);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  console.log(`heavy page (200 fields + ${words}-word textarea), loading: ${describe(await longTasks())}`);

  // Tab through the first 60 fields and type a word in each, as a coach filling in a form.
  await page.locator('#fields > *').first().click();
  for (let i = 0; i < 60; i++) {
    await page.keyboard.type('ok');
    await page.keyboard.press('Tab');
  }
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  console.log(`heavy page, typing in and tabbing through 60 fields: ${describe(await longTasks())}`);

  const t0 = Date.now();
  await page.locator('#big').click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.locator('coach-guard-ui [data-cg-finding]').first().waitFor({ timeout: 120_000 });
  console.log(`heavy page, focus the 100,000-word textarea → first underlines: ${ms(Date.now() - t0)}; ${describe(await longTasks())}`);

  const latency = await page.evaluate(async (runs) => {
    const layer = document.querySelector('coach-guard-ui')!.shadowRoot!.querySelector('[data-cg-layer]')!;
    const field = document.getElementById('big') as HTMLTextAreaElement;
    const out: number[] = [];
    for (let i = 0; i < runs; i++) {
      let t0 = 0;
      const painted = new Promise<void>((done) => {
        const mo = new MutationObserver(() => {
          mo.disconnect();
          requestAnimationFrame(() => done());
        });
        mo.observe(layer, { attributes: true, attributeFilter: ['data-cg-revision'] });
      });
      field.addEventListener('input', () => (t0 = performance.now()), { once: true });
      document.execCommand('insertText', false, i % 2 === 0 ? 'x' : ' ');
      await painted;
      out.push(performance.now() - t0);
    }
    return out.sort((a, b) => a - b);
  }, 20);
  console.log(`heavy page, input → underlines painted in the 100,000-word textarea (20 keystrokes): median ${ms(percentile(latency, 50))}, p95 ${ms(percentile(latency, 95))}; ${describe(await longTasks())}`);
  await page.close();
}
