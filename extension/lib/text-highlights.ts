/**
 * Underlines in a contenteditable painted by the CSS Custom Highlight API, where the browser has
 * it: the browser draws them on the text itself, so they follow line wrapping, scrolling and
 * re-rendering exactly, and the field's DOM is never touched. The overlay keeps transparent boxes
 * over the same words as hover and keyboard targets (and for outside checks).
 *
 * The `::highlight()` rules must live in the document the text is in (the page, or an iframe
 * editor's document), as a constructed sheet appended to its `adoptedStyleSheets`. Where any of
 * that is refused (no API, a content-script wrapper that rejects the sheet), `paint` says so and
 * the overlay draws visible underlines instead. Note the registry is the document's: page scripts
 * can see which ranges are underlined, as they can see the overlay's boxes.
 */
import type { Severity } from '@coach-guard/core';

const SEVERITIES: readonly Severity[] = ['high', 'medium', 'low'];
const name = (severity: Severity) => `coach-guard-${severity}`;

const RULES = `
::highlight(coach-guard-high) { text-decoration: underline solid #b91c1c 2px; text-underline-offset: 3px; }
::highlight(coach-guard-medium) { text-decoration: underline solid #c2410c 2px; text-underline-offset: 3px; }
::highlight(coach-guard-low) { text-decoration: underline dashed #a16207 2px; text-underline-offset: 3px; }
`;

interface HighlightWindow {
  CSS: { highlights?: Map<string, unknown> };
  Highlight?: new (...ranges: AbstractRange[]) => unknown;
  CSSStyleSheet: typeof CSSStyleSheet;
}

export interface TextHighlights {
  /** Sets `doc`'s underlines to these ranges; false when this document cannot be painted. */
  paint(doc: Document, ranges: ReadonlyMap<Severity, readonly AbstractRange[]>): boolean;
  /** Takes every underline and rule away. */
  destroy(): void;
}

export function createTextHighlights(): TextHighlights {
  const sheets = new Map<Document, CSSStyleSheet | null>();

  function ready(doc: Document): boolean {
    if (sheets.has(doc)) return sheets.get(doc) !== null;
    const view = doc.defaultView as unknown as HighlightWindow | null;
    let sheet: CSSStyleSheet | null = null;
    try {
      if (view?.CSS.highlights && typeof view.Highlight === 'function') {
        sheet = new view.CSSStyleSheet();
        sheet.replaceSync(RULES);
        doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
      }
    } catch {
      sheet = null;
    }
    sheets.set(doc, sheet);
    return sheet !== null;
  }

  return {
    paint(doc, ranges) {
      if (!ready(doc)) return false;
      const view = doc.defaultView as unknown as HighlightWindow;
      try {
        for (const severity of SEVERITIES) {
          const list = ranges.get(severity) ?? [];
          if (list.length === 0) view.CSS.highlights!.delete(name(severity));
          else view.CSS.highlights!.set(name(severity), new view.Highlight!(...list));
        }
        // A page that replaced its adopted sheets took our rules with them: put them back.
        const sheet = sheets.get(doc)!;
        if (!doc.adoptedStyleSheets.includes(sheet)) doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
        return true;
      } catch {
        return false;
      }
    },
    destroy() {
      for (const [doc, sheet] of sheets) {
        if (!sheet) continue;
        try {
          const view = doc.defaultView as unknown as HighlightWindow | null;
          for (const severity of SEVERITIES) view?.CSS.highlights?.delete(name(severity));
          doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
        } catch {
          // The document is gone: nothing of ours is left in it.
        }
      }
      sheets.clear();
    },
  };
}
