/**
 * One kind of editable field behind one interface: read its text, measure where offsets are on
 * screen, find the caret, and replace a stretch through the field's own input path.
 */
import { offsetOf, rangeFor, readEditable, type TextMap } from './text-map';
import { textControlRects, type TextControl } from './text-control-rects';

export interface FieldAdapter {
  readonly element: HTMLElement;
  readText(): string;
  /** Client rects per range, in the field's own viewport. */
  rects(ranges: readonly { start: number; end: number }[], mirror: HTMLElement): DOMRect[][];
  /**
   * DOM ranges over the field's own text, per offset range: only fields whose text is in the DOM
   * (contenteditable) have them, and the CSS Custom Highlight API paints on them.
   */
  domRanges?(ranges: readonly { start: number; end: number }[]): (AbstractRange | null)[];
  /** The visible part of the field, to clip underlines scrolled out of it. */
  clip(): DOMRect;
  caret(): number | null;
  /**
   * Replaces `[start, end)` with `replacement` as if typed, so the editor records it and its undo
   * restores the original. Returns false if the text there is no longer `expected` (fail closed).
   */
  replace(start: number, end: number, expected: string, replacement: string): Promise<boolean>;
}

const TEXT_INPUT_TYPES = new Set(['', 'text', 'search']);
const RECIPIENT_NAME = /^(_?to|_?cc|_?bcc|recipients?)$/i;

/** The field the coach is typing in when `target` has focus, or null for anything else. */
export function editableFieldOf(target: EventTarget | null): HTMLElement | null {
  // No instanceof: an iframe's elements come from another realm's HTMLElement.
  if (!target || (target as Node).nodeType !== Node.ELEMENT_NODE || !('isContentEditable' in target)) return null;
  const el = target as HTMLElement;
  if (el.tagName === 'TEXTAREA') return RECIPIENT_NAME.test((el as HTMLTextAreaElement).name) ? null : el;
  if (el.tagName === 'INPUT') {
    const input = el as HTMLInputElement;
    return TEXT_INPUT_TYPES.has(input.type) && !RECIPIENT_NAME.test(input.name) ? input : null;
  }
  if (!el.isContentEditable) return null;
  // The editing host: the outermost element of the editable region.
  let host = el;
  while (host.parentElement?.isContentEditable) host = host.parentElement;
  return host;
}

export function createFieldAdapter(element: HTMLElement): FieldAdapter {
  return element.tagName === 'TEXTAREA' || element.tagName === 'INPUT' ? textControlAdapter(element as TextControl) : editableAdapter(element);
}

function paddingBox(el: HTMLElement): DOMRect {
  const r = el.getBoundingClientRect();
  return new DOMRect(r.left + el.clientLeft, r.top + el.clientTop, el.clientWidth || r.width, el.clientHeight || r.height);
}

function textControlAdapter(field: TextControl): FieldAdapter {
  return {
    element: field,
    readText: () => field.value,
    rects: (ranges, mirror) => textControlRects(field, ranges, mirror),
    clip: () => paddingBox(field),
    caret: () => (field.ownerDocument.activeElement === field ? field.selectionStart : null),
    async replace(start, end, expected, replacement) {
      if (field.value.slice(start, end) !== expected) return false;
      field.focus();
      field.setSelectionRange(start, end);
      // execCommand keeps the browser's undo stack; setRangeText is the fallback that cannot.
      if (!field.ownerDocument.execCommand('insertText', false, replacement)) {
        field.setRangeText(replacement, start, end, 'end');
        field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertReplacementText', data: replacement }));
      }
      return true;
    },
  };
}

function editableAdapter(host: HTMLElement): FieldAdapter {
  const doc = host.ownerDocument;
  let map: TextMap = { text: '', nodes: [], starts: [] };
  const read = () => (map = readEditable(host));
  return {
    element: host,
    readText: () => read().text,
    rects(ranges) {
      return ranges.map(({ start, end }) => {
        const range = rangeFor(map, start, end);
        return range ? [...range.getClientRects()].filter((r) => r.width > 0 || r.height > 0) : [];
      });
    },
    domRanges: (ranges) => ranges.map(({ start, end }) => rangeFor(map, start, end)),
    clip: () => {
      // An iframe editor's <body> scrolls with the document: its visible part is the viewport.
      if (host === doc.body) return new DOMRect(0, 0, doc.documentElement.clientWidth, doc.documentElement.clientHeight);
      return paddingBox(host);
    },
    caret() {
      const sel = doc.getSelection();
      if (!sel || sel.rangeCount === 0 || !sel.anchorNode || !host.contains(sel.anchorNode)) return null;
      return offsetOf(map, sel.anchorNode, sel.anchorOffset);
    },
    async replace(start, end, expected, replacement) {
      const current = read();
      if (current.text.slice(start, end) !== expected) return false;
      const range = rangeFor(current, start, end);
      if (!range) return false;
      host.focus();
      const sel = doc.getSelection()!;
      sel.removeAllRanges();
      sel.addRange(range);
      // Editors (CKEditor, Lexical, ProseMirror) sync their model selection on selectionchange;
      // let that event land before typing over the selection.
      await new Promise<void>((resolve) => {
        const done = () => resolve();
        doc.addEventListener('selectionchange', done, { once: true });
        doc.defaultView!.requestAnimationFrame(() => doc.defaultView!.setTimeout(done, 0));
      });
      // Chromium's execCommand fires no beforeinput, and editors that keep their own model
      // (CKEditor 5, Quill) revert DOM changes they did not see coming. Offer the edit as the
      // beforeinput such an editor handles; if none takes it, let the browser type it.
      const view = doc.defaultView!;
      const offer = new view.InputEvent('beforeinput', {
        inputType: 'insertText',
        data: replacement,
        bubbles: true,
        cancelable: true,
        composed: true,
        targetRanges: [new view.StaticRange(range)],
      });
      const target = sel.anchorNode?.parentElement ?? host;
      if (!target.dispatchEvent(offer)) return true;
      return doc.execCommand('insertText', false, replacement);
    },
  };
}
