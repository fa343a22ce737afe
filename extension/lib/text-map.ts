/**
 * Text of a contenteditable region as core sees it, and the way back from core's offsets to DOM
 * ranges. Block boundaries and <br> become "\n" so sentences end where the coach sees them end;
 * those synthetic characters belong to no node.
 */
export interface TextMap {
  text: string;
  /** Text nodes in document order, and the offset in `text` where each one starts. */
  nodes: Text[];
  starts: number[];
}

const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM',
  'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TD', 'TH', 'TR', 'UL',
]);
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);

export function readEditable(root: Node): TextMap {
  const nodes: Text[] = [];
  const starts: number[] = [];
  let text = '';
  const breakLine = () => {
    if (text !== '' && !text.endsWith('\n')) text += '\n';
  };
  const visit = (parent: Node) => {
    for (let child = parent.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === Node.TEXT_NODE) {
        const data = (child as Text).data;
        if (data === '') continue;
        nodes.push(child as Text);
        starts.push(text.length);
        text += data;
      } else if (child.nodeType === Node.ELEMENT_NODE) {
        const tag = (child as Element).tagName;
        if (tag === 'BR') text += '\n';
        else if (!SKIPPED.has(tag)) {
          const block = BLOCKS.has(tag);
          if (block) breakLine();
          visit(child);
          if (block) breakLine();
        }
      }
    }
  };
  visit(root);
  return { text, nodes, starts };
}

/** Index of the last node starting at or before `offset` (−1 when none). */
function nodeAt(map: TextMap, offset: number): number {
  let lo = 0;
  let hi = map.starts.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (map.starts[mid]! <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/**
 * The DOM range for `[start, end)` of `map.text`, or null when the map no longer matches the DOM
 * (a node was detached since it was read): callers then read again rather than guess.
 */
export function rangeFor(map: TextMap, start: number, end: number): Range | null {
  const first = map.nodes[0];
  if (!first || end <= start) return null;
  let si = nodeAt(map, start);
  let sNode = map.nodes[si];
  let sOffset = start - (map.starts[si] ?? 0);
  // A start inside a synthetic line break moves to the next node's first character.
  if (!sNode || sOffset >= sNode.data.length) {
    si += 1;
    sNode = map.nodes[si];
    sOffset = 0;
  }
  const ei = nodeAt(map, end - 1);
  const eNode = map.nodes[ei];
  if (!sNode || !eNode || ei < si) return null;
  const eOffset = Math.min(end - map.starts[ei]!, eNode.data.length);
  if (!sNode.isConnected || !eNode.isConnected) return null;
  const range = sNode.ownerDocument.createRange();
  range.setStart(sNode, sOffset);
  range.setEnd(eNode, eOffset);
  return range;
}

/** The offset in `map.text` of a DOM point (e.g. the caret), or null when it is outside the map. */
export function offsetOf(map: TextMap, node: Node, offset: number): number | null {
  if (node.nodeType === Node.TEXT_NODE) {
    const i = map.nodes.indexOf(node as Text);
    if (i >= 0) return map.starts[i]! + Math.min(offset, (node as Text).data.length);
  }
  if (map.nodes.length === 0) return 0;
  // An element point: find the first text node at or after it.
  const probe = node.ownerDocument!.createRange();
  probe.setStart(node, offset);
  let lo = 0;
  let hi = map.nodes.length - 1;
  let after = map.nodes.length;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (probe.comparePoint(map.nodes[mid]!, 0) >= 0) {
      after = mid;
      hi = mid - 1;
    } else lo = mid + 1;
  }
  if (after === map.nodes.length) return map.text.length;
  return map.starts[after]!;
}
