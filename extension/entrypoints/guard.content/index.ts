import { browser } from '@wxt-dev/webextension-polyfill/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { reachableFrameElement } from '../../lib/frames';
import { startGuard } from '../../lib/guard';
import { createDispatcher, createSender, type BackgroundProtocol, type ContentProtocol } from '../../lib/messaging';

export default defineContentScript({
  matches: ['<all_urls>'],
  // Editors live in iframes (TinyMCE, webmail composers), some of them about:blank or srcdoc.
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_idle',
  main(ctx) {
    // A same-origin child frame is guarded by the instance above it (see lib/frames.ts).
    if (reachableFrameElement(window)) return;
    const toBackground = createSender<BackgroundProtocol>((m) => browser.runtime.sendMessage(m));
    const host = location.hostname;
    const guard = startGuard(
      document,
      {
        hostname: host,
        loadSettings: () => toBackground('get-page-settings', { host }),
        ignore: async (category, text) => void (await toBackground('add-ignored', { category, text })),
        consent: async (record) => void (await toBackground('add-consent', record)),
        reportFindings: (findings) => void toBackground('report-field-state', { findings }).catch(() => undefined),
      },
      ctx.signal,
    );
    const listener = createDispatcher<ContentProtocol, unknown>({
      'get-frame-info': () => ({ host, enabled: guard.enabled() }),
      'settings-changed': async () => {
        await guard.refresh();
        return null;
      },
    });
    browser.runtime.onMessage.addListener(listener);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(listener));
    // An update or reload of the extension orphans this script without telling it. Reading
    // ctx.isInvalid notices (the runtime id is gone) and aborts ctx.signal, which takes every
    // overlay and listener away; checking on the coach's next touch costs nothing while idle.
    const noticeOrphaning = () => void ctx.isInvalid;
    for (const type of ['keydown', 'pointermove', 'pointerdown', 'focusin', 'scroll'] as const) {
      ctx.addEventListener(window, type, noticeOrphaning, { capture: true, passive: true });
    }
  },
});
