/**
 * Where characters of a <textarea> or <input> are on screen. Form controls expose no ranges over
 * their text, so a hidden mirror in our shadow root copies the field's box and typography and
 * the ranges are measured there, then shifted by the field's scroll.
 */
const COPIED = [
  'direction', 'fontFamily', 'fontSize', 'fontStyle', 'fontVariant', 'fontWeight', 'fontStretch', 'fontKerning', 'fontFeatureSettings',
  'letterSpacing', 'lineHeight', 'textAlign', 'textIndent', 'textTransform', 'wordSpacing', 'tabSize', 'wordBreak', 'overflowWrap',
  'paddingTop', 'paddingRight', 'paddingBottom', 'paddingLeft',
] as const;

export type TextControl = HTMLTextAreaElement | HTMLInputElement;

export function textControlRects(field: TextControl, ranges: readonly { start: number; end: number }[], mirror: HTMLElement): DOMRect[][] {
  const view = field.ownerDocument.defaultView!;
  const style = view.getComputedStyle(field);
  const box = field.getBoundingClientRect();
  const m = mirror.style;
  for (const prop of COPIED) m[prop] = style[prop];
  m.position = 'fixed';
  m.visibility = 'hidden';
  m.boxSizing = 'border-box';
  m.border = '0';
  m.margin = '0';
  m.left = `${box.left + field.clientLeft}px`;
  m.top = `${box.top + field.clientTop}px`;
  m.width = `${field.clientWidth}px`;
  m.height = 'auto';
  const isTextarea = field.tagName === 'TEXTAREA';
  m.whiteSpace = isTextarea ? 'pre-wrap' : 'pre';
  if (!isTextarea) m.lineHeight = `${field.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom)}px`;
  const value = field.value;
  // A trailing newline would otherwise take no height in the mirror.
  mirror.textContent = value.endsWith('\n') ? `${value}\u200b` : value;
  const node = mirror.firstChild as Text | null;
  if (!node) return ranges.map(() => []);
  const range = mirror.ownerDocument.createRange();
  return ranges.map(({ start, end }) => {
    range.setStart(node, Math.min(start, value.length));
    range.setEnd(node, Math.min(end, value.length));
    return [...range.getClientRects()].map((r) => new DOMRect(r.left - field.scrollLeft, r.top - field.scrollTop, r.width, r.height));
  });
}
