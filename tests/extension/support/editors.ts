/** The editor pages under tests/extension/pages and where each one's editable area lives. */
import type { Frame, Page } from '@playwright/test';

export interface EditorCase {
  name: string;
  page: string;
  /** CSS selector of the editable area inside `scope`. */
  editable: string;
  /** The frame holding the editable area (TinyMCE's iframe mode), else the page itself. */
  scope(page: Page): Promise<Page | Frame>;
  /** Submitting the form navigates (a real POST) instead of recording in the page. */
  postsForm?: boolean;
}

const self = async (page: Page) => page;

export const EDITORS: EditorCase[] = [
  { name: 'textarea', page: 'textarea.html', editable: '#field', scope: self, postsForm: true },
  { name: 'contenteditable', page: 'contenteditable.html', editable: '#field', scope: self },
  {
    name: 'TinyMCE (iframe)',
    page: 'tinymce-iframe.html',
    editable: 'body#tinymce',
    scope: async (page) => {
      const handle = await page.waitForSelector('iframe.tox-edit-area__iframe, iframe#field_ifr');
      return (await handle.contentFrame())!;
    },
  },
  { name: 'TinyMCE (inline)', page: 'tinymce-inline.html', editable: '#field', scope: self },
  { name: 'CKEditor 5', page: 'ckeditor.html', editable: '.ck-editor__editable', scope: self },
  { name: 'Quill', page: 'quill.html', editable: '.ql-editor', scope: self },
  { name: 'ProseMirror', page: 'prosemirror.html', editable: '.ProseMirror', scope: self },
  { name: 'Lexical', page: 'lexical.html', editable: '#field', scope: self },
];

export async function openEditor(page: Page, origin: string, editor: EditorCase): Promise<Page | Frame> {
  await page.goto(`${origin}/pages/${editor.page}`);
  await page.waitForFunction(() => (window as unknown as { editorReady?: boolean }).editorReady === true);
  return editor.scope(page);
}

export const editorText = (page: Page) => page.evaluate(() => (window as unknown as { editorText(): string }).editorText());
export const sentTexts = (page: Page) => page.evaluate(() => (window as unknown as { sent: string[] }).sent);
