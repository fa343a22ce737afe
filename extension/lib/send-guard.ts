/**
 * Catches the moment the coach sends — a recognised Send button, Ctrl/Cmd+Enter, a form submit —
 * and, when a field about to go out still has high-severity findings, asks once. It never blocks
 * silently and never touches the message: "Send anyway" replays the same send.
 */
export interface SendGuardDeps {
  doc: Document;
  signal: AbortSignal;
  /** Fields that go out with a send from `origin`, with their unresolved high-severity count. */
  pendingFor(origin: Element): { field: HTMLElement; high: number; text: string }[];
  /** Shows the confirmation; resolves with the coach's choice. */
  confirm(anchor: HTMLElement, count: number): Promise<'review' | 'send'>;
  review(field: HTMLElement): void;
}

const SEND_WORDS = /^\s*(send|submit|post|save|publish|reply)\b/i;

function isSendControl(el: Element): boolean {
  const label = [el.getAttribute('aria-label'), el.getAttribute('data-tooltip'), el.getAttribute('title'), (el as HTMLInputElement).value, el.textContent]
    .filter((s): s is string => typeof s === 'string' && s.trim() !== '')
    .map((s) => s.trim());
  if (label.some((s) => SEND_WORDS.test(s))) return true;
  return (el.tagName === 'BUTTON' && (el as HTMLButtonElement).type === 'submit' && !!(el as HTMLButtonElement).form) ||
    (el.tagName === 'INPUT' && (el as HTMLInputElement).type === 'submit');
}

export function installSendGuard(deps: SendGuardDeps): void {
  const { doc, signal } = deps;
  // Texts the coach chose to send anyway: the same text is not asked about twice.
  const confirmed = new WeakMap<HTMLElement, string>();
  let asking = false;

  const intercept = (event: Event, origin: Element, replay: () => void): void => {
    if (asking) {
      event.preventDefault();
      event.stopImmediatePropagation();
      return;
    }
    const pending = deps.pendingFor(origin).filter((p) => p.high > 0 && confirmed.get(p.field) !== p.text);
    if (pending.length === 0) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    asking = true;
    const first = pending[0]!.field;
    void deps.confirm(origin instanceof HTMLElement ? origin : first, pending.reduce((n, p) => n + p.high, 0)).then((choice) => {
      asking = false;
      if (choice === 'send') {
        for (const p of pending) confirmed.set(p.field, p.text);
        replay();
      } else deps.review(first);
    });
  };

  doc.addEventListener(
    'click',
    (event) => {
      const control = (event.target as Element | null)?.closest?.('button, [role="button"], input[type="submit"], input[type="button"]');
      if (!control || !isSendControl(control)) return;
      intercept(event, control, () => (control as HTMLElement).click());
    },
    { capture: true, signal },
  );
  doc.addEventListener(
    'keydown',
    (event) => {
      if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey) || !(event.target instanceof Element)) return;
      const target = event.target;
      const init: KeyboardEventInit = { key: event.key, code: event.code, ctrlKey: event.ctrlKey, metaKey: event.metaKey, shiftKey: event.shiftKey, altKey: event.altKey, bubbles: true, cancelable: true, composed: true };
      intercept(event, target, () => target.dispatchEvent(new KeyboardEvent('keydown', init)));
    },
    { capture: true, signal },
  );
  doc.addEventListener(
    'submit',
    (event) => {
      const form = event.target as HTMLFormElement;
      const submitter = (event as SubmitEvent).submitter;
      intercept(event, form, () => form.requestSubmit(submitter));
    },
    { capture: true, signal },
  );
}
