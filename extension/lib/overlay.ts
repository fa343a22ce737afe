/**
 * The one place Coach Guard draws in a page: `<coach-guard-ui>` on `document.documentElement`
 * with an open shadow root (an iframe editor's <body> is the editable area and would wipe our
 * children). Underlines are fixed-position boxes; the page's DOM and text are never touched.
 */
import type { Category, Severity } from '@coach-guard/core';

export interface UnderlineBox {
  id: string;
  category: Category;
  severity: Severity;
  rect: DOMRect;
  /** The browser paints this underline on the text (CSS Custom Highlight API): the box is only a target. */
  painted?: boolean;
}

export interface Overlay {
  readonly root: ShadowRoot;
  /** Hidden element the text-control mirror measures in. */
  readonly mirror: HTMLElement;
  /** Where the card (preact) renders; `attach()` first, so it is in the page. */
  readonly cardRoot: HTMLElement;
  /** Puts the host on the page (again, if the page removed it). */
  attach(): void;
  drawUnderlines(boxes: readonly UnderlineBox[]): void;
  /** Tells screen readers something, politely. */
  announce(message: string): void;
  destroy(): void;
}

const CSS = `
:host { all: initial; position: fixed; left: 0; top: 0; width: 0; height: 0; overflow: visible; z-index: 2147483647; pointer-events: none; }
.u { position: fixed; pointer-events: none; box-sizing: border-box; border-bottom: 2px solid #c2410c; }
.u.high { border-bottom-color: #b91c1c; }
.u.low { border-bottom-style: dashed; border-bottom-color: #a16207; }
.u.hl { border-bottom-color: transparent; }
.u.active { background: rgba(185, 28, 28, 0.10); }
.live { position: fixed; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
.card { position: fixed; pointer-events: auto; box-sizing: border-box; width: 340px; max-width: calc(100vw - 16px);
  background: #fff; color: #1f2937; border: 1px solid #d1d5db; border-left: 4px solid #c2410c; border-radius: 8px;
  box-shadow: 0 8px 24px rgba(0,0,0,.18); padding: 12px 14px; font: 14px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; }
.card.high { border-left-color: #b91c1c; }
.card p { margin: 0 0 8px; }
.card .title { font-weight: 600; }
.card .reader { font-size: 12px; color: #4b5563; }
.card .suggestion q { font-style: italic; }
.card .actions { display: flex; gap: 8px; flex-wrap: wrap; }
.card button { font: inherit; font-size: 13px; padding: 4px 10px; border-radius: 6px; border: 1px solid #9ca3af; background: #f9fafb; color: #111827; cursor: pointer; }
.card button.primary { background: #1d4ed8; border-color: #1d4ed8; color: #fff; }
.card button:focus-visible { outline: 2px solid #1d4ed8; outline-offset: 2px; }
`;

export function createOverlay(doc: Document): Overlay {
  const host = doc.createElement('coach-guard-ui');
  const root = host.attachShadow({ mode: 'open' });
  // A constructed sheet: no inline <style>, so a page's style-src CSP cannot strip our look.
  // Firefox's content-script wrappers have refused constructed sheets; a <style> is the fallback.
  try {
    const sheet = new (doc.defaultView!.CSSStyleSheet)();
    sheet.replaceSync(CSS);
    root.adoptedStyleSheets = [sheet];
  } catch {
    const style = doc.createElement('style');
    style.textContent = CSS;
    root.append(style);
  }
  const layer = doc.createElement('div');
  layer.setAttribute('data-cg-layer', '');
  layer.dataset.cgRevision = '0';
  const mirror = doc.createElement('div');
  mirror.setAttribute('aria-hidden', 'true');
  const cardRoot = doc.createElement('div');
  const live = doc.createElement('div');
  live.className = 'live';
  live.setAttribute('role', 'status');
  live.setAttribute('aria-live', 'polite');
  root.append(layer, mirror, cardRoot, live);
  let revision = 0;
  const attach = () => {
    if (!host.isConnected) doc.documentElement.append(host);
  };
  return {
    root,
    mirror,
    cardRoot,
    attach,
    drawUnderlines(boxes) {
      attach();
      const existing = layer.children;
      // Reuse elements: a keystroke moves boxes rather than rebuilding the layer.
      for (let i = 0; i < boxes.length; i++) {
        const b = boxes[i]!;
        let el = existing[i] as HTMLElement | undefined;
        if (!el) {
          el = doc.createElement('div');
          layer.append(el);
        }
        el.className = b.painted ? `u ${b.severity} hl` : `u ${b.severity}`;
        el.dataset.cgFinding = b.id;
        el.dataset.category = b.category;
        el.dataset.severity = b.severity;
        const s = el.style;
        s.left = `${b.rect.left}px`;
        s.top = `${b.rect.top}px`;
        s.width = `${b.rect.width}px`;
        s.height = `${b.rect.height}px`;
      }
      while (layer.children.length > boxes.length) layer.lastElementChild!.remove();
      layer.dataset.cgRevision = String(++revision);
    },
    announce(message) {
      attach();
      live.textContent = message;
    },
    destroy() {
      host.remove();
    },
  };
}
