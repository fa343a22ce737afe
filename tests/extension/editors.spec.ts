/**
 * For every editor a coach meets: a risky sentence is underlined with its category, safe
 * logistics are not; Apply rewrites through the editor and its own undo restores; the text the
 * editor reports is byte-identical when nothing is applied; a risky send is questioned once.
 */
import { analyse } from '../../core/src/index';
import { expect, framesPass, test, underlines } from './support/fixtures';
import { EDITORS, editorText, openEditor, sentTexts } from './support/editors';

const SAFE = 'Our next session is on Tuesday at 10:00.';
const RISKY = 'She told me she has been anxious about the PIP.';
// Accents, a dash and curly quotes: whatever the coach typed must come out unchanged.
const MIXED = `${SAFE} Café at 9:30 — she’s “fine”. ${RISKY}`;

const riskyFinding = analyse(RISKY, { channel: 'other', recipientRole: 'unknown' })[0]!;

/** The text of every range Coach Guard registered with the document's CSS highlight registry. */
function paintedHighlights(): string[] {
  const registry = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights;
  const out: string[] = [];
  for (const [name, highlight] of registry) {
    if (!name.startsWith('coach-guard-')) continue;
    for (const range of highlight) if (range instanceof Range) out.push(range.toString());
  }
  return out;
}

test('the detector flags the journey sentences as the specs expect', () => {
  expect(riskyFinding.category).toBe('wellbeing');
  expect(riskyFinding.suggestion).toBeTruthy();
  expect(analyse(SAFE, { channel: 'other', recipientRole: 'unknown' })).toEqual([]);
});

for (const editor of EDITORS) {
  test.describe(editor.name, () => {
    test('underlines a risky sentence with its category and leaves logistics alone', async ({ tab, server }) => {
      const scope = await openEditor(tab, server.origin, editor);
      await scope.locator(editor.editable).click();
      await tab.keyboard.type(SAFE);
      await expect.poll(() => editorText(tab)).toBe(SAFE);
      await framesPass(scope);
      await expect(underlines(scope)).toHaveCount(0);

      await tab.keyboard.type(` ${RISKY}`);
      await expect(underlines(scope, 'wellbeing').first()).toBeVisible();
      // Every underline belongs to the risky sentence: the logistics stay clean.
      const ids = await underlines(scope).evaluateAll((els) => [...new Set(els.map((e) => `${e.getAttribute('data-cg-finding')}|${e.getAttribute('data-category')}`))]);
      expect(ids).toHaveLength(1);
      expect(ids[0]).toContain('|wellbeing');
      const safeEnd = SAFE.length + 1;
      expect(Number(ids[0]!.split('-')[0])).toBeGreaterThanOrEqual(safeEnd);

      // Where the text is in the DOM, the browser paints the underline (CSS Custom Highlight API,
      // in the editor's own document) and the overlay's box is only a target; a textarea's text
      // is not in the DOM, so its underline is the overlay's.
      const painted = await scope.evaluate(paintedHighlights);
      if (editor.name === 'textarea') {
        expect(painted).toEqual([]);
        await expect(underlines(scope, 'wellbeing').first()).not.toHaveClass(/\bhl\b/);
      } else {
        expect(painted.join(' ')).toContain('anxious about the PIP');
        expect(painted.join(' ')).not.toContain('Tuesday');
        await expect(underlines(scope, 'wellbeing').first()).toHaveClass(/\bhl\b/);
      }
    });

    test('Apply rewrites through the editor and its undo restores the original', async ({ tab, server }) => {
      const scope = await openEditor(tab, server.origin, editor);
      await scope.locator(editor.editable).click();
      await tab.keyboard.type(RISKY);
      const underline = underlines(scope, 'wellbeing').first();
      await expect(underline).toBeVisible();
      // The editor has all the keystrokes and the guard has analysed them: nothing moves under
      // the pointer (typing closes a card, as it should).
      await expect.poll(() => editorText(tab)).toBe(RISKY);
      await framesPass(tab);
      await tab.evaluate(() => (window as unknown as { endTypingGroup(): void }).endTypingGroup());
      const box = (await underline.boundingBox())!;
      await tab.mouse.move(box.x + Math.min(40, box.width / 2), box.y + box.height / 2 - 4);
      // Cards are drawn in the top document, even for an editor inside an iframe.
      const card = tab.locator('coach-guard-ui [data-cg-card]');
      await expect(card).toBeVisible();
      await expect(card).toContainText('Health or wellbeing');
      await card.getByRole('button', { name: 'Apply' }).click();
      await expect.poll(() => editorText(tab)).toBe(riskyFinding.suggestion);
      await expect(underlines(scope, 'wellbeing')).toHaveCount(0);

      await scope.locator(editor.editable).focus();
      await tab.keyboard.press('ControlOrMeta+z');
      await expect.poll(() => editorText(tab)).toBe(RISKY);
      await expect(underlines(scope, 'wellbeing').first()).toBeVisible();
    });

    test('sends exactly what was typed, after one confirmation', async ({ tab, server }) => {
      const scope = await openEditor(tab, server.origin, editor);
      await scope.locator(editor.editable).click();
      await tab.keyboard.type(MIXED);
      await expect(underlines(scope, 'wellbeing').first()).toBeVisible();
      expect(await editorText(tab)).toBe(MIXED);

      const confirmation = tab.locator('coach-guard-ui [data-cg-send-confirmation]');
      const before = server.submissions.length;
      await tab.getByRole('button', { name: 'Send', exact: true }).click();
      await expect(confirmation).toBeVisible();
      await expect(confirmation).toContainText('may break confidentiality');
      if (!editor.postsForm) expect(await sentTexts(tab)).toEqual([]);
      else expect(server.submissions.length).toBe(before);

      await confirmation.getByRole('button', { name: 'Send anyway' }).click();
      if (editor.postsForm) {
        await expect(tab.locator('#sent')).toBeVisible();
        expect(server.submissions.slice(before)).toEqual([{ body: MIXED }]);
      } else {
        await expect.poll(() => sentTexts(tab)).toEqual([MIXED]);
        await expect(confirmation).toHaveCount(0);
        // Same text again: the coach already answered, so no second question.
        await tab.getByRole('button', { name: 'Send', exact: true }).click();
        await expect.poll(() => sentTexts(tab)).toEqual([MIXED, MIXED]);
        await expect(confirmation).toHaveCount(0);
      }
    });
  });
}
