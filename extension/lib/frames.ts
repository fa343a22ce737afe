/**
 * Same-origin frames (TinyMCE's iframe, about:blank and srcdoc composers) are guarded by the
 * nearest ancestor instance that can reach them, so one instance sees the editor, its To field
 * and its Send button together. A cross-origin frame runs its own instance.
 */

/** The frame element holding `win`, or null at the top or behind an origin boundary. */
export function reachableFrameElement(win: Window): Element | null {
  try {
    return win.frameElement;
  } catch {
    return null;
  }
}

/** The document of a same-origin iframe, or null. */
export function reachableDocument(frame: Element): Document | null {
  try {
    return (frame as HTMLIFrameElement).contentDocument ?? null;
  } catch {
    return null;
  }
}

/** `el`, or the frame element that contains it, as seen from `doc`. */
export function anchorIn(doc: Document, el: Element): Element | null {
  let current: Element | null = el;
  while (current && current.ownerDocument !== doc) current = reachableFrameElement(current.ownerDocument.defaultView!);
  return current;
}
