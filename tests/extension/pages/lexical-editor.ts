// Bundled by the test server (esbuild) for lexical.html.
import { createEmptyHistoryState, registerHistory } from '@lexical/history';
import { registerPlainText } from '@lexical/plain-text';
import { $getRoot, createEditor } from 'lexical';

declare function harness(options: { text: () => string; sendButton?: HTMLElement | null }): void;

const editor = createEditor({ namespace: 'cg-test', onError: (error) => console.error(error) });
editor.setRootElement(document.getElementById('field'));
registerPlainText(editor);
registerHistory(editor, createEmptyHistoryState(), 300);
harness({ text: () => editor.getEditorState().read(() => $getRoot().getTextContent()), sendButton: document.getElementById('send') });
