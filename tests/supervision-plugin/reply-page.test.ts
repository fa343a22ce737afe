import { describe, expect, it } from 'vitest';
import { isReplyPageMessage, renderReplyPage } from '../../supervision-plugin/src/reply-page';

const nonce = 'n0nceN0nceN0nce12345';

describe('the reply page', () => {
  it('allows only its own nonced script and style, and nothing from anywhere', () => {
    const html = renderReplyPage({ caseId: 'case-1', coach: 'Alex', draft: '', nonce });
    const csp = /Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
    expect(csp).toBe(`default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}';`);
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).toContain(`<script nonce="${nonce}">`);
    expect(html).not.toMatch(/\b(src|href)=/);
  });

  it('restores a draft as text, never as markup', () => {
    const draft = '</textarea><script>alert(1)</script> & "quotes"';
    const html = renderReplyPage({ caseId: 'case-<b>', coach: 'Alex <alex@coach.example>', draft, nonce });
    expect(html).toContain('&lt;/textarea&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;</textarea>');
    expect(html).toContain('Reply to case case-&lt;b&gt;');
    expect(html).toContain('Alex &lt;alex@coach.example&gt;');
    expect(html.match(/<script/g)).toHaveLength(1);
  });

  it('keeps the browser from saving the draft for session restore', () => {
    expect(renderReplyPage({ caseId: 'c', coach: 'A', draft: '', nonce })).toMatch(/<textarea id="reply"[^>]* autocomplete="off"/);
  });

  it('refuses a nonce that is not a random token', () => {
    expect(() => renderReplyPage({ caseId: 'c', coach: 'A', draft: '', nonce: `'unsafe-inline'` })).toThrow(/nonce/);
    expect(() => renderReplyPage({ caseId: 'c', coach: 'A', draft: '', nonce: 'short' })).toThrow(/nonce/);
  });

  it('accepts only the messages the page sends', () => {
    expect(isReplyPageMessage({ type: 'draft', text: 'x' })).toBe(true);
    expect(isReplyPageMessage({ type: 'seal', text: '' })).toBe(true);
    for (const bad of [null, 'seal', { type: 'seal' }, { type: 'seal', text: 3 }, { type: 'eval', text: 'x' }]) expect(isReplyPageMessage(bad)).toBe(false);
  });
});
