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
  return measure(mirror, field.value, ranges, field.scrollLeft, field.scrollTop);
}

interface MirrorLines {
  lines: string[];
  blocks: HTMLDivElement[];
}

const mirrored = new WeakMap<HTMLElement, MirrorLines>();

/**
 * The mirror holds one block per hard line and, on each call, replaces only the lines that
 * changed. One text node for the whole value would make every keystroke re-lay out all of it:
 * 340 ms per keystroke in a 100,000-word textarea, against a few ms this way (npm run bench).
 * Hard line breaks end a line in the field as a block end does in the mirror, so wrapping and
 * heights are the same.
 */
function syncLines(mirror: HTMLElement, value: string): MirrorLines {
  const lines = value.split('\n');
  let state = mirrored.get(mirror);
  if (!state || mirror.childNodes.length !== state.blocks.length) {
    mirror.replaceChildren();
    state = { lines: [], blocks: [] };
    mirrored.set(mirror, state);
  }
  const old = state.lines;
  let head = 0;
  while (head < lines.length && head < old.length && lines[head] === old[head]) head++;
  let tail = 0;
  while (tail < lines.length - head && tail < old.length - head && lines[lines.length - 1 - tail] === old[old.length - 1 - tail]) tail++;
  const doc = mirror.ownerDocument;
  const fresh = lines.slice(head, lines.length - tail).map((line, i) => {
    const block = doc.createElement('div');
    // An empty line still takes a line's height in the field.
    block.textContent = line === '' ? '\u200b' : line;
    // text-indent applies to the field's first line only, not to every line after a break.
    if (head + i > 0) block.style.textIndent = '0';
    return block;
  });
  const removed = state.blocks.splice(head, old.length - head - tail, ...fresh);
  for (const block of removed) block.remove();
  const next = state.blocks[head + fresh.length] ?? null;
  for (const block of fresh) mirror.insertBefore(block, next);
  if (head === 0 && state.blocks[0]) state.blocks[0].style.textIndent = '';
  state.lines = lines;
  return state;
}

function measure(mirror: HTMLElement, value: string, ranges: readonly { start: number; end: number }[], scrollLeft: number, scrollTop: number): DOMRect[][] {
  const { lines, blocks } = syncLines(mirror, value);
  const starts: number[] = [];
  let at = 0;
  for (const line of lines) {
    starts.push(at);
    at += line.length + 1;
  }
  // The line holding a character offset of the value.
  const lineAt = (offset: number): number => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const range = mirror.ownerDocument.createRange();
  return ranges.map(({ start, end }) => {
    const s = Math.max(0, Math.min(start, value.length));
    const e = Math.max(s, Math.min(end, value.length));
    const rects: DOMRect[] = [];
    // Each line's part on its own: a range over a whole block would also report the block's box.
    for (let i = lineAt(s), last = lineAt(e); i <= last; i++) {
      const line = lines[i]!;
      if (line === '') continue;
      const text = blocks[i]!.firstChild!;
      range.setStart(text, Math.max(0, s - starts[i]!));
      range.setEnd(text, Math.min(line.length, e - starts[i]!));
      for (const r of range.getClientRects()) rects.push(new DOMRect(r.left - scrollLeft, r.top - scrollTop, r.width, r.height));
    }
    return rects;
  });
}
