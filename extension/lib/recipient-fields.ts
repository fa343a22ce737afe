/**
 * Collects the addresses in a composer's To/Cc fields: Gmail, Outlook on the web, Roundcube and
 * a generic fallback. Which role they mean is decided by the pure `decideRecipient`.
 */
export const RECIPIENT_SELECTOR = [
  // Generic and Roundcube (`_to`, its recipient-input widget)
  'input[name="to" i]', 'input[name="cc" i]', 'input[name="bcc" i]', 'input[name="recipients" i]',
  'textarea[name="to" i]', 'textarea[name="cc" i]', 'input[name="_to"]', 'input[name="_cc"]', 'input[name="_bcc"]',
  'textarea[name="_to"]', 'textarea[name="_cc"]', 'ul.recipient-input',
  // Gmail: chips carry the address in `email`; Outlook: the To/Cc wells are labelled
  '[email]', '[aria-label^="To" i]', '[aria-label^="Cc" i]', '[aria-label^="Bcc" i]',
].join(',');

const EMAIL = /[A-Z0-9._%+'-]+@[A-Z0-9.-]+\.[A-Z]{2,}/gi;

/** The composer around `field`: the nearest ancestor that also holds recipient fields. */
function composeScope(field: Element): ParentNode | null {
  for (let el: Element | null = field.parentElement; el; el = el.parentElement) {
    if (el.querySelector(RECIPIENT_SELECTOR)) return el;
  }
  // An editor in an iframe (TinyMCE in Roundcube, webmail composers): look around the frame.
  try {
    const frame = field.ownerDocument.defaultView?.frameElement;
    if (frame) return composeScope(frame);
  } catch {
    // A cross-origin parent: its fields are not ours to read.
  }
  return null;
}

export function collectRecipientEmails(field: Element): string[] {
  const scope = composeScope(field);
  if (!scope) return [];
  const found = new Set<string>();
  const take = (s: string | null | undefined) => {
    for (const m of s?.match(EMAIL) ?? []) found.add(m.toLowerCase());
  };
  for (const el of scope.querySelectorAll(RECIPIENT_SELECTOR)) {
    if (el === field || el.contains(field)) continue;
    if ('value' in el && typeof el.value === 'string') take(el.value);
    take(el.getAttribute('email'));
    take(el.textContent);
    for (const chip of el.querySelectorAll('[email], [title], [data-hovercard-id]')) {
      take(chip.getAttribute('email'));
      take(chip.getAttribute('title'));
      take(chip.getAttribute('data-hovercard-id'));
    }
  }
  return [...found];
}
