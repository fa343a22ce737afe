// Bundled by the test server (esbuild) for prosemirror.html.
import { baseKeymap } from 'prosemirror-commands';
import { closeHistory, history, redo, undo } from 'prosemirror-history';
import { keymap } from 'prosemirror-keymap';
import { schema } from 'prosemirror-schema-basic';
import { EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';

declare function harness(options: { text: () => string; endTypingGroup?: () => void; sendButton?: HTMLElement | null }): void;

const view = new EditorView(document.getElementById('field'), {
  state: EditorState.create({ schema, plugins: [history(), keymap({ 'Mod-z': undo, 'Mod-y': redo, 'Shift-Mod-z': redo }), keymap(baseKeymap)] }),
});
harness({ text: () => view.state.doc.textContent, endTypingGroup: () => view.dispatch(closeHistory(view.state.tr)), sendButton: document.getElementById('send') });
