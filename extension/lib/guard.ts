/**
 * Guards one document: picks up the field the coach types in, analyses its text with core,
 * draws underlines, opens the card, and asks before a risky send. Everything it listens to is
 * removed through `signal`.
 */
import { h, render } from 'preact';
import { createIncrementalAnalyser, type AnalyseContext, type Finding, type IncrementalAnalyser } from '@coach-guard/core';
import { FindingCard } from '../components/finding-card';
import { SendConfirmation } from '../components/send-confirmation';
import { CATEGORY_WORDS } from './category-words';
import { createFieldAdapter, editableFieldOf, type FieldAdapter } from './field-adapter';
import { createOverlay, type Overlay, type UnderlineBox } from './overlay';
import { applySuppressions, type PageSettings } from './page-settings';
import { collectRecipientEmails } from './recipient-fields';
import { decideRecipient, type RecipientVerdict } from './recipient-role';
import { installSendGuard } from './send-guard';
import { sentenceAround } from './consent-wording';

/** What the guard needs from its host (the content script): capabilities, not `browser.*`. */
export interface GuardHost {
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
  analyser: IncrementalAnalyser;
  text: string;
  findings: Finding[];
  verdict: RecipientVerdict;
  boxes: { finding: Finding; index: number; rects: DOMRect[] }[];
  observer: MutationObserver | ResizeObserver | null;
  resize: ResizeObserver;
}

interface OpenCard {
  session: Session;
  index: number;
}

export function startGuard(doc: Document, host: GuardHost, signal: AbortSignal): Guard {
  const win = doc.defaultView!;
  const sessions = new Map<HTMLElement, Session>();
  let settings: PageSettings | null = null;
  let settingsLoad: Promise<PageSettings> | null = null;
  let overlay: Overlay | null = null;
  let card: OpenCard | null = null;
  let hoverInside = false;
  let closeTimer = 0;
  let frame = 0;
  const dirty = new Set<Session>();
  let lastReported = -1;

  const ui = () => (overlay ??= createOverlay(doc));
  const settingsNow = () => (settingsLoad ??= host.loadSettings().then((s) => (settings = s)));

  // ---- analysis -------------------------------------------------------------------------
  const contextFor = (session: Session): AnalyseContext => {
    const s = settings!;
    session.verdict = decideRecipient({ emails: collectRecipientEmails(session.adapter.element), hostname: win.location.hostname, roster: s.roster, hrPortals: s.hrPortals });
    const context: AnalyseContext = { channel: session.verdict.channel, recipientRole: session.verdict.role, roster: s.roster, consent: s.consent };
    if (session.verdict.coachee) context.coachee = session.verdict.coachee;
    return context;
  };

  const analyse = (session: Session, force = false) => {
    const text = session.adapter.readText();
    if (!force && text === session.text) return;
    session.text = text;
    if (!settings?.enabled) {
      session.findings = [];
      return;
    }
    session.findings = applySuppressions(session.analyser.analyse(text, contextFor(session)), text, settings);
  };

  const schedule = (session?: Session) => {
    // No session: only the layout moved, so the next frame redraws without re-analysing.
    if (session) dirty.add(session);
    if (frame === 0) frame = win.requestAnimationFrame(flush);
  };

  function flush() {
    frame = 0;
    for (const s of dirty) if (sessions.has(s.adapter.element)) analyse(s);
    const analysed = dirty.size > 0;
    dirty.clear();
    draw();
    if (analysed) reportFocused();
  }

  // ---- drawing ---------------------------------------------------------------------------
  const visible = (el: HTMLElement) => el.isConnected && (typeof el.checkVisibility !== 'function' || el.checkVisibility());

  function draw() {
    const boxes: UnderlineBox[] = [];
    for (const session of sessions.values()) {
      session.boxes = [];
      const el = session.adapter.element;
      if (session.findings.length === 0 || !visible(el)) continue;
      const clip = session.adapter.clip();
      const all = session.adapter.rects(session.findings, ui().mirror);
      session.findings.forEach((finding, index) => {
        const rects = (all[index] ?? []).filter((r) => r.bottom > clip.top && r.top < clip.bottom && r.right > clip.left && r.left < clip.right);
        session.boxes.push({ finding, index, rects });
        for (const rect of rects) boxes.push({ id: `f${boxes.length}-${finding.start}`, category: finding.category, severity: finding.severity, rect });
      });
    }
    if (boxes.length > 0 || overlay) ui().drawUnderlines(boxes);
    if (card && !card.session.boxes[card.index]?.rects.length) closeCard(false);
    else if (card) renderCard();
  }

  // ---- sessions --------------------------------------------------------------------------
  function track(el: HTMLElement): Session {
    const existing = sessions.get(el);
    if (existing) return existing;
    const adapter = createFieldAdapter(el);
    const session: Session = {
      adapter,
      analyser: createIncrementalAnalyser(),
      text: '\u0000',
      findings: [],
      verdict: { role: 'unknown', channel: 'other', reason: '' },
      boxes: [],
      observer: null,
      resize: new ResizeObserver(() => schedule()),
    };
    session.resize.observe(el);
    if (el.tagName === 'TEXTAREA' || el.tagName === 'INPUT') {
      el.addEventListener('input', () => schedule(session), { signal });
      el.addEventListener('scroll', () => schedule(), { signal, passive: true });
    } else {
      // Editors change their DOM without input events (paste handlers, collaborative updates).
      const mo = new MutationObserver(() => schedule(session));
      mo.observe(el, { childList: true, subtree: true, characterData: true });
      session.observer = mo;
    }
    sessions.set(el, session);
    return session;
  }

  function release(session: Session) {
    session.observer?.disconnect();
    session.resize.disconnect();
    sessions.delete(session.adapter.element);
    if (card?.session === session) closeCard(false);
  }

  // ---- the card --------------------------------------------------------------------------
  function findingAt(x: number, y: number): OpenCard | null {
    for (const session of sessions.values()) {
      for (const box of session.boxes) {
        // The underline is thin; the word above it is what the coach points at.
        if (box.rects.some((r) => x >= r.left && x <= r.right && y >= r.top - 2 && y <= r.bottom + 4)) return { session, index: box.index };
      }
    }
    return null;
  }

  function cardPosition(target: OpenCard) {
    const r = target.session.boxes[target.index]!.rects[0]!;
    const width = 340;
    const left = Math.max(8, Math.min(r.left, win.innerWidth - width - 8));
    const below = r.bottom + 6;
    return { left, top: below + 180 > win.innerHeight && r.top > 200 ? Math.max(8, r.top - 186) : below };
  }

  function renderCard() {
    if (!card) return;
    const target = card;
    const finding = target.session.findings[target.index]!;
    const text = target.session.text.slice(finding.start, finding.end);
    render(
      h(FindingCard, {
        finding,
        recipient: target.session.verdict.role,
        recipientReason: target.session.verdict.reason,
        position: cardPosition(target),
        onApply: () => void applyFinding(target, finding, text),
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
      ui().cardRoot,
    );
  }

  function openCard(target: OpenCard, announce: boolean) {
    const same = card && card.session === target.session && card.index === target.index;
    card = target;
    renderCard();
    if (!same && announce) {
      const f = target.session.findings[target.index]!;
      ui().announce(`Coach Guard: ${CATEGORY_WORDS[f.category]}. ${f.message} Press Alt+Shift+G to review.`);
    }
  }

  function closeCard(refocus: boolean) {
    if (!card) return;
    const session = card.session;
    card = null;
    hoverInside = false;
    if (overlay) render(null, overlay.cardRoot);
    if (refocus) session.adapter.element.focus();
  }

  function closeSoon() {
    win.clearTimeout(closeTimer);
    closeTimer = win.setTimeout(() => {
      if (!hoverInside) closeCard(false);
    }, 300);
  }

  async function applyFinding(target: OpenCard, finding: Finding, expected: string) {
    closeCard(false);
    const ok = await target.session.adapter.replace(finding.start, finding.end, expected, finding.suggestion ?? '');
    if (!ok) ui().announce('Coach Guard: the text changed, so nothing was replaced.');
    schedule(target.session);
  }

  async function resolve(target: OpenCard, persist: () => Promise<void>, locally: (s: PageSettings) => void) {
    closeCard(true);
    if (settings) locally(settings);
    for (const s of sessions.values()) {
      s.analyser = createIncrementalAnalyser();
      analyse(s, true);
    }
    draw();
    reportFocused();
    await persist();
  }

  function reportFocused() {
    const active = editableFieldOf(doc.activeElement);
    const session = active ? sessions.get(active) : undefined;
    const count = session?.findings.length ?? 0;
    if (session && count !== lastReported) {
      lastReported = count;
      host.reportFindings(count);
    }
  }

  // ---- events ----------------------------------------------------------------------------
  doc.addEventListener(
    'focusin',
    (event) => {
      const el = editableFieldOf(event.target);
      if (!el) return;
      const session = track(el);
      lastReported = -1;
      void settingsNow().then(() => schedule(session));
    },
    { capture: true, signal },
  );

  doc.addEventListener(
    'mousemove',
    (event) => {
      if (sessions.size === 0) return;
      const hit = findingAt(event.clientX, event.clientY);
      if (hit) {
        win.clearTimeout(closeTimer);
        openCard(hit, false);
      } else if (card && !hoverInside) closeSoon();
    },
    { passive: true, signal },
  );

  // Keyboard: the caret inside an underline opens its card; Alt+Shift+G moves focus into it.
  doc.addEventListener(
    'selectionchange',
    () => {
      const el = editableFieldOf(doc.activeElement);
      const session = el ? sessions.get(el) : undefined;
      if (!session) return;
      const caret = session.adapter.caret();
      if (caret === null) return;
      const index = session.findings.findIndex((f) => caret >= f.start && caret <= f.end);
      if (index >= 0 && session.boxes[index]?.rects.length) openCard({ session, index }, true);
      else if (card?.session === session && !hoverInside) closeCard(false);
    },
    { signal },
  );

  doc.addEventListener(
    'keydown',
    (event) => {
      if (!card || !event.altKey || !event.shiftKey || event.code !== 'KeyG') return;
      event.preventDefault();
      event.stopPropagation();
      (overlay?.cardRoot.querySelector('button') as HTMLButtonElement | null)?.focus();
    },
    { capture: true, signal },
  );

  const relayout = () => {
    if (sessions.size > 0) schedule();
  };
  win.addEventListener('scroll', relayout, { capture: true, passive: true, signal });
  win.addEventListener('resize', relayout, { passive: true, signal });

  // Fields move or vanish without telling anyone (a panel collapses, an SPA swaps views). While
  // fields are tracked, compare their boxes a few times a second and release the detached ones.
  const positions = new Map<HTMLElement, string>();
  const poll = win.setInterval(() => {
    let moved = false;
    for (const session of [...sessions.values()]) {
      const el = session.adapter.element;
      if (!el.isConnected) {
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
  }, 250);

  installSendGuard({
    doc,
    signal,
    pendingFor(origin) {
      const form = origin.closest('form') ?? (origin as HTMLButtonElement).form ?? null;
      return [...sessions.values()]
        .filter((s) => s.adapter.element.isConnected && (form ? form.contains(s.adapter.element) || s.adapter.element.contains(origin) : true))
        .map((s) => {
          analyse(s);
          return { field: s.adapter.element, high: s.findings.filter((f) => f.severity === 'high').length, text: s.text };
        });
    },
    confirm(anchor, count) {
      closeCard(false);
      return new Promise((done) => {
        const r = anchor.getBoundingClientRect();
        const finish = (choice: 'review' | 'send') => {
          if (overlay) render(null, overlay.cardRoot);
          done(choice);
        };
        render(
          h(SendConfirmation, {
            count,
            position: { left: Math.max(8, Math.min(r.left, win.innerWidth - 348)), top: Math.max(8, r.top - 150) },
            onReview: () => finish('review'),
            onSendAnyway: () => finish('send'),
          }),
          ui().cardRoot,
        );
        (ui().cardRoot.querySelector('button') as HTMLButtonElement | null)?.focus();
        ui().announce(`Coach Guard: ${count === 1 ? 'one passage' : `${count} passages`} may break confidentiality. Review, or send anyway.`);
      });
    },
    review(field) {
      const session = sessions.get(field);
      field.focus();
      const index = session?.findings.findIndex((f) => f.severity === 'high') ?? -1;
      if (session && index >= 0 && session.boxes[index]?.rects.length) openCard({ session, index }, true);
    },
  });

  signal.addEventListener('abort', () => {
    win.clearInterval(poll);
    win.cancelAnimationFrame(frame);
    win.clearTimeout(closeTimer);
    for (const s of [...sessions.values()]) release(s);
    overlay?.destroy();
  });

  return {
    async refresh() {
      settingsLoad = null;
      await settingsNow();
      for (const s of sessions.values()) {
        s.analyser = createIncrementalAnalyser();
        analyse(s, true);
      }
      draw();
    },
    enabled: () => settings?.enabled ?? true,
  };
}
