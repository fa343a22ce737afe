/**
 * Guards one document and the same-origin frames inside it: picks up the field the coach types
 * in, analyses its text with core, draws underlines, opens the card, and asks before a risky
 * send. Everything it listens to is removed through `signal`.
 */
import { h, render } from 'preact';
import { CATEGORIES, createIncrementalAnalyser, type AnalyseContext, type Finding, type IncrementalAnalyser, type Severity } from '@coach-guard/core';
import { FindingCard } from '../components/finding-card';
import { SendConfirmation } from '../components/send-confirmation';
import { CATEGORY_WORDS } from './category-words';
import { replacementFor, sentenceAround } from './finding-text';
import { createFieldAdapter, editableFieldOf, type FieldAdapter } from './field-adapter';
import { anchorIn, reachableDocument, viewportOffset } from './frames';
import { createOverlay, type Overlay, type UnderlineBox } from './overlay';
import { createTextHighlights } from './text-highlights';
import { applySuppressions, type PageSettings } from './page-settings';
import { collectRecipientEmails } from './recipient-fields';
import { decideRecipient, type RecipientVerdict } from './recipient-role';
import { installSendGuard } from './send-guard';

/** What the guard needs from its host (the content script): capabilities, not `browser.*`. */
export interface GuardHost {
  hostname: string;
  loadSettings(): Promise<PageSettings>;
  ignore(category: Finding['category'], text: string): Promise<void>;
  consent(record: { coachee: string; wording: string }): Promise<void>;
  reportFindings(count: number): void;
}

export interface Guard {
  /** Re-reads settings (the coach changed something) and re-analyses every field. */
  refresh(): Promise<void>;
  enabled(): boolean;
}

interface Session {
  adapter: FieldAdapter;
  doc: Document;
  analyser: IncrementalAnalyser;
  text: string;
  findings: Finding[];
  verdict: RecipientVerdict;
  boxes: { finding: Finding; index: number; rects: DOMRect[] }[];
  observers: { disconnect(): void }[];
}

interface OpenCard {
  session: Session;
  index: number;
  /** What opened it, and so what closes it: the pointer leaving, or the caret leaving. */
  via?: 'pointer' | 'caret';
}

const CARD_WIDTH = 340;

export function startGuard(topDoc: Document, host: GuardHost, signal: AbortSignal): Guard {
  const win = topDoc.defaultView!;
  const sessions = new Map<HTMLElement, Session>();
  const overlays = new Map<Document, Overlay>();
  const highlights = createTextHighlights();
  const paintedDocs = new Set<Document>();
  const watched = new WeakSet<Document>();
  let settings: PageSettings | null = null;
  let settingsLoad: Promise<PageSettings> | null = null;
  let card: OpenCard | null = null;
  let hoverInside = false;
  let closeTimer = 0;
  let frame = 0;
  const dirty = new Set<Session>();
  let lastReported = -1;

  const ui = (doc: Document) => {
    let overlay = overlays.get(doc);
    if (!overlay) overlays.set(doc, (overlay = createOverlay(doc)));
    return overlay;
  };
  /**
   * The coach's settings, from the background. If it cannot answer (it is restarting, the
   * extension was just updated), warn anyway with every category and no roster — an unreachable
   * background is no reason to stay quiet — and ask again on the next focus.
   */
  const settingsNow = () =>
    (settingsLoad ??= host.loadSettings().then(
      (s) => (settings = s),
      () => {
        settingsLoad = null;
        return (settings ??= { enabled: true, roster: { people: [], organisations: [], sponsorDomains: [] }, consent: [], ignored: [], categories: [...CATEGORIES], hrPortals: [] });
      },
    ));

  // ---- analysis -------------------------------------------------------------------------
  const contextFor = (session: Session): AnalyseContext => {
    const s = settings!;
    session.verdict = decideRecipient({ emails: collectRecipientEmails(session.adapter.element), hostname: host.hostname, roster: s.roster, hrPortals: s.hrPortals });
    const context: AnalyseContext = { channel: session.verdict.channel, recipientRole: session.verdict.role, roster: s.roster, consent: s.consent };
    if (session.verdict.coachee) context.coachee = session.verdict.coachee;
    return context;
  };

  const analyse = (session: Session, force = false) => {
    const text = session.adapter.readText();
    if (!force && text === session.text) return;
    session.text = text;
    session.findings = settings?.enabled ? applySuppressions(session.analyser.analyse(text, contextFor(session)), text, settings) : [];
  };

  /** Re-analyse `session` (or, with none, only re-measure) in the next frame. */
  const schedule = (session?: Session) => {
    if (session) dirty.add(session);
    if (frame === 0) frame = win.requestAnimationFrame(flush);
  };

  function flush() {
    frame = 0;
    const analysed = dirty.size > 0;
    for (const s of dirty) {
      if (!sessions.has(s.adapter.element)) continue;
      const before = s.text;
      analyse(s);
      // Typing moves on from the card: close it unless the pointer is on it. (Editors also
      // touch their DOM without changing the text; that is no reason to close.)
      if (card?.session === s && s.text !== before && !hoverInside) closeCard(false);
    }
    dirty.clear();
    draw();
    if (analysed) reportFocused();
  }

  const reanalyseAll = () => {
    for (const s of sessions.values()) {
      s.analyser = createIncrementalAnalyser();
      analyse(s, true);
    }
    draw();
    reportFocused();
  };

  // ---- drawing ---------------------------------------------------------------------------
  const alive = (el: HTMLElement) => el.isConnected && el.ownerDocument.defaultView !== null;
  const visible = (el: HTMLElement) => alive(el) && (typeof el.checkVisibility !== 'function' || el.checkVisibility());

  function draw() {
    const byDoc = new Map<Document, UnderlineBox[]>();
    for (const doc of overlays.keys()) byDoc.set(doc, []);
    // Underlines the browser can paint on the text itself, per document and severity; every
    // document painted before is visited again so that stale underlines go.
    const paintable = new Map<Document, Map<Severity, AbstractRange[]>>();
    for (const doc of paintedDocs) paintable.set(doc, new Map());
    const paintedBoxes = new Map<Document, UnderlineBox[]>();
    for (const session of sessions.values()) {
      session.boxes = [];
      const boxes = byDoc.get(session.doc) ?? [];
      byDoc.set(session.doc, boxes);
      const el = session.adapter.element;
      if (session.findings.length === 0 || !visible(el)) continue;
      const clip = session.adapter.clip();
      const all = session.adapter.rects(session.findings, ui(session.doc).mirror);
      const domRanges = session.adapter.domRanges?.(session.findings);
      session.findings.forEach((finding, index) => {
        const rects = (all[index] ?? []).filter((r) => r.bottom > clip.top && r.top < clip.bottom && r.right > clip.left && r.left < clip.right);
        session.boxes.push({ finding, index, rects });
        const range = rects.length > 0 ? domRanges?.[index] : undefined;
        if (range) {
          const bySeverity = paintable.get(session.doc) ?? new Map<Severity, AbstractRange[]>();
          paintable.set(session.doc, bySeverity);
          const list = bySeverity.get(finding.severity);
          if (list) list.push(range);
          else bySeverity.set(finding.severity, [range]);
        }
        for (const rect of rects) {
          const box: UnderlineBox = { id: `${finding.start}-${finding.end}-${finding.category}`, category: finding.category, severity: finding.severity, rect };
          boxes.push(box);
          if (range) {
            const painted = paintedBoxes.get(session.doc);
            if (painted) painted.push(box);
            else paintedBoxes.set(session.doc, [box]);
          }
        }
      });
    }
    for (const [doc, ranges] of paintable) {
      if (!doc.defaultView) {
        paintedDocs.delete(doc);
        continue;
      }
      paintedDocs.add(doc);
      // Where the browser refuses, the overlay's boxes stay visible underlines.
      if (highlights.paint(doc, ranges)) for (const box of paintedBoxes.get(doc) ?? []) box.painted = true;
    }
    for (const [doc, boxes] of byDoc) if (doc.defaultView) ui(doc).drawUnderlines(boxes);
    if (card && !card.session.boxes[card.index]?.rects.length) closeCard(false);
    else if (card) renderCard();
  }

  // ---- sessions --------------------------------------------------------------------------
  function track(el: HTMLElement): Session {
    const existing = sessions.get(el);
    if (existing) return existing;
    const session: Session = {
      adapter: createFieldAdapter(el),
      doc: el.ownerDocument,
      analyser: createIncrementalAnalyser(),
      text: '\u0000',
      findings: [],
      verdict: { role: 'unknown', channel: 'other', reason: '' },
      boxes: [],
      observers: [],
    };
    const resize = new ResizeObserver(() => schedule());
    resize.observe(el);
    session.observers.push(resize);
    if (el.tagName === 'TEXTAREA' || el.tagName === 'INPUT') {
      el.addEventListener('input', () => schedule(session), { signal });
      el.addEventListener('scroll', () => schedule(), { signal, passive: true });
    } else {
      // Editors change their DOM without input events (paste handlers, collaborative updates).
      const mo = new MutationObserver(() => schedule(session));
      mo.observe(el, { childList: true, subtree: true, characterData: true });
      session.observers.push(mo);
    }
    sessions.set(el, session);
    startPolling();
    return session;
  }

  function release(session: Session) {
    for (const o of session.observers) o.disconnect();
    sessions.delete(session.adapter.element);
    if (card?.session === session) closeCard(false);
  }

  const fieldFocused = (target: EventTarget | null) => {
    const el = editableFieldOf(target);
    if (!el) return;
    const session = track(el);
    lastReported = -1;
    // Every focus re-reads the settings if the last read failed (see settingsNow).
    if (!settings || settingsLoad === null) void settingsNow().then(() => schedule(session));
    else schedule(session);
  };

  // ---- the card --------------------------------------------------------------------------
  function findingAt(doc: Document, x: number, y: number): OpenCard | null {
    for (const session of sessions.values()) {
      if (session.doc !== doc) continue;
      for (const box of session.boxes) {
        // The underline is thin; the words above it are what the coach points at.
        if (box.rects.some((r) => x >= r.left && x <= r.right && y >= r.top - 2 && y <= r.bottom + 4)) return { session, index: box.index };
      }
    }
    return null;
  }

  function cardPosition(target: OpenCard) {
    const view = topDoc.defaultView!;
    const offset = viewportOffset(target.session.doc, topDoc);
    const r = target.session.boxes[target.index]!.rects[0]!;
    const left = Math.max(8, Math.min(r.left + offset.x, view.innerWidth - CARD_WIDTH - 8));
    const top = r.top + offset.y;
    const below = r.bottom + offset.y + 6;
    return { left, top: below + 200 > view.innerHeight && top > 210 ? top - 206 : below };
  }

  function renderCard() {
    if (!card) return;
    const target = card;
    const finding = target.session.findings[target.index]!;
    const text = target.session.text.slice(finding.start, finding.end);
    ui(topDoc).attach();
    render(
      h(FindingCard, {
        finding,
        recipient: target.session.verdict.role,
        recipientReason: target.session.verdict.reason,
        position: cardPosition(target),
        onApply: () => void applyFinding(target, finding),
        onIgnore: () => void resolve(target, () => host.ignore(finding.category, text), (s) => s.ignored.push({ category: finding.category, text })),
        onConsented: () => {
          const wording = sentenceAround(target.session.text, finding);
          const coachee = target.session.verdict.coachee ?? 'any coachee';
          void resolve(target, () => host.consent({ coachee, wording }), (s) => s.consent.push({ coachee, wording }));
        },
        onClose: () => closeCard(true),
        onPointerEnter: () => {
          hoverInside = true;
          win.clearTimeout(closeTimer);
        },
        onPointerLeave: () => {
          hoverInside = false;
          closeSoon();
        },
      }),
      // Cards live in the top document: an editor's iframe may be too small to hold one.
      ui(topDoc).cardRoot,
    );
  }

  function openCard(target: OpenCard, announce: boolean) {
    const same = card && card.session === target.session && card.index === target.index;
    card = target;
    renderCard();
    if (!same && announce) {
      const f = target.session.findings[target.index]!;
      ui(topDoc).announce(`Coach Guard: ${CATEGORY_WORDS[f.category]}. ${f.message} Press Alt+Shift+G to review.`);
    }
  }

  function closeCard(refocus: boolean) {
    if (!card) return;
    const session = card.session;
    card = null;
    hoverInside = false;
    const overlay = overlays.get(topDoc);
    if (overlay) render(null, overlay.cardRoot);
    if (refocus) session.adapter.element.focus();
  }

  function closeSoon() {
    win.clearTimeout(closeTimer);
    closeTimer = win.setTimeout(() => {
      if (!hoverInside) closeCard(false);
    }, 300);
  }

  async function applyFinding(target: OpenCard, finding: Finding) {
    closeCard(false);
    const { start, end, replacement } = replacementFor(target.session.text, finding);
    const ok = await target.session.adapter.replace(start, end, target.session.text.slice(start, end), replacement);
    if (!ok) ui(target.session.doc).announce('Coach Guard: the text changed, so nothing was replaced.');
    schedule(target.session);
  }

  async function resolve(target: OpenCard, persist: () => Promise<void>, locally: (s: PageSettings) => void) {
    closeCard(true);
    if (settings) locally(settings);
    reanalyseAll();
    try {
      await persist();
    } catch {
      // The coach's data is locked (or the extension was updated): it holds for this page only.
      ui(topDoc).announce('Coach Guard: noted for this page only; unlock your data to keep it.');
    }
  }

  function reportFocused() {
    const session = focusedSession();
    const count = session?.findings.length ?? 0;
    if (session && count !== lastReported) {
      lastReported = count;
      host.reportFindings(count);
    }
  }

  function focusedSession(): Session | undefined {
    let doc: Document = topDoc;
    for (;;) {
      const active = doc.activeElement;
      const inner = active && (active.tagName === 'IFRAME' || active.tagName === 'FRAME') ? reachableDocument(active) : null;
      if (!inner) return active ? sessions.get(editableFieldOf(active) as HTMLElement) : undefined;
      doc = inner;
    }
  }

  // ---- events, per document ---------------------------------------------------------------
  function watch(doc: Document) {
    if (watched.has(doc) || !doc.defaultView) return;
    watched.add(doc);
    const view = doc.defaultView;
    doc.addEventListener('focusin', (event) => fieldFocused(event.target), { capture: true, signal });

    // Focus moving into a same-origin frame: guard that document from here.
    view.addEventListener(
      'blur',
      () => {
        queueMicrotask(() => {
          const active = doc.activeElement;
          if (!active || (active.tagName !== 'IFRAME' && active.tagName !== 'FRAME')) return;
          const inner = reachableDocument(active);
          if (!inner) return;
          watch(inner);
          // Its document is replaced when the frame reloads; watch the new one too.
          active.addEventListener('load', () => { const d = reachableDocument(active); if (d) watch(d); }, { signal });
          fieldFocused(inner.activeElement);
        });
      },
      { signal },
    );

    doc.addEventListener(
      'mousemove',
      (event) => {
        if (sessions.size === 0) return;
        const hit = findingAt(doc, event.clientX, event.clientY);
        if (hit) {
          win.clearTimeout(closeTimer);
          openCard({ ...hit, via: 'pointer' }, false);
        } else if (card?.via === 'pointer' && !hoverInside) closeSoon();
      },
      { passive: true, signal },
    );

    // Keyboard: the caret inside an underline opens its card; Alt+Shift+G moves focus into it.
    doc.addEventListener(
      'selectionchange',
      () => {
        const session = sessions.get(editableFieldOf(doc.activeElement) as HTMLElement);
        if (!session) return;
        const caret = session.adapter.caret();
        if (caret === null) return;
        // At the start of a finding or inside it; not at its end, where the coach is still typing.
        const index = session.findings.findIndex((f) => caret >= f.start && caret < f.end);
        if (index >= 0 && session.boxes[index]?.rects.length) openCard({ session, index, via: 'caret' }, true);
        // Only a card the caret opened closes when the caret moves on; editors move the
        // selection on their own (saving undo levels, restoring bookmarks) under a hovered card.
        else if (card?.session === session && card.via === 'caret' && !hoverInside) closeCard(false);
      },
      { signal },
    );

    doc.addEventListener(
      'keydown',
      (event) => {
        if (!card || !event.altKey || !event.shiftKey || event.code !== 'KeyG') return;
        event.preventDefault();
        event.stopPropagation();
        (overlays.get(topDoc)?.cardRoot.querySelector('button') as HTMLButtonElement | null)?.focus();
      },
      { capture: true, signal },
    );

    const relayout = () => {
      if (sessions.size > 0) schedule();
    };
    view.addEventListener('scroll', relayout, { capture: true, passive: true, signal });
    view.addEventListener('resize', relayout, { passive: true, signal });

    installSendGuard({
      doc,
      signal,
      pendingFor(origin) {
        const form = origin.closest('form') ?? (origin as HTMLButtonElement).form ?? null;
        return [...sessions.values()]
          .filter((s) => {
            if (!alive(s.adapter.element)) return false;
            const anchor = anchorIn(doc, s.adapter.element);
            if (!anchor) return false;
            return form ? form.contains(anchor) : true;
          })
          .map((s) => {
            analyse(s);
            return { field: s.adapter.element, high: s.findings.filter((f) => f.severity === 'high').length, text: s.text };
          });
      },
      confirm(anchor, count) {
        closeCard(false);
        return new Promise((done) => {
          const r = anchor.getBoundingClientRect();
          const overlay = ui(doc);
          overlay.attach();
          const finish = (choice: 'review' | 'send') => {
            render(null, overlay.cardRoot);
            done(choice);
          };
          render(
            h(SendConfirmation, {
              count,
              position: { left: Math.max(8, Math.min(r.left, view.innerWidth - CARD_WIDTH - 8)), top: Math.max(8, r.top - 150) },
              onReview: () => finish('review'),
              onSendAnyway: () => finish('send'),
            }),
            overlay.cardRoot,
          );
          (overlay.cardRoot.querySelector('button') as HTMLButtonElement | null)?.focus();
          overlay.announce(`Coach Guard: ${count === 1 ? 'one passage' : `${count} passages`} may break confidentiality. Review, or send anyway.`);
        });
      },
      review(field) {
        const session = sessions.get(field);
        field.focus();
        const index = session?.findings.findIndex((f) => f.severity === 'high') ?? -1;
        if (session && index >= 0 && session.boxes[index]?.rects.length) openCard({ session, index, via: 'caret' }, true);
      },
    });
  }

  watch(topDoc);

  // Fields move or vanish without telling anyone (a panel collapses, an SPA swaps views). While
  // fields are tracked, compare their boxes a few times a second and release the detached ones;
  // with none tracked, the timer stops, so a page nobody types in costs nothing.
  const positions = new WeakMap<HTMLElement, string>();
  let poll = 0;
  const checkPositions = () => {
    let moved = false;
    for (const session of [...sessions.values()]) {
      const el = session.adapter.element;
      if (!alive(el)) {
        release(session);
        moved = true;
        continue;
      }
      const r = el.getBoundingClientRect();
      const key = `${r.left},${r.top},${r.width},${r.height},${visible(el)}`;
      if (positions.get(el) !== key) {
        positions.set(el, key);
        moved = true;
      }
    }
    if (moved) schedule();
    if (sessions.size === 0) {
      win.clearInterval(poll);
      poll = 0;
    }
  };
  function startPolling() {
    if (poll === 0) poll = win.setInterval(checkPositions, 250);
  }

  signal.addEventListener('abort', () => {
    win.clearInterval(poll);
    win.cancelAnimationFrame(frame);
    win.clearTimeout(closeTimer);
    for (const s of [...sessions.values()]) release(s);
    for (const o of overlays.values()) o.destroy();
    highlights.destroy();
  });

  return {
    async refresh() {
      settingsLoad = null;
      await settingsNow();
      reanalyseAll();
    },
    enabled: () => settings?.enabled ?? true,
  };
}
