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

/**
 * Where `doc`'s viewport origin is in `top`'s viewport: the sum of the frame elements' content
 * boxes on the way up. Cards for an editor in a small iframe are drawn in the top document.
 */
export function viewportOffset(doc: Document, top: Document): { x: number; y: number } {
  let x = 0;
  let y = 0;
  for (let d: Document = doc; d !== top; ) {
    const frame = reachableFrameElement(d.defaultView!);
    if (!frame) break;
    const r = frame.getBoundingClientRect();
    const style = frame.ownerDocument.defaultView!.getComputedStyle(frame);
    x += r.left + frame.clientLeft + parseFloat(style.paddingLeft);
    y += r.top + frame.clientTop + parseFloat(style.paddingTop);
    d = frame.ownerDocument;
  }
  return { x, y };
}
