/* global window, document */
// Shared by every editor page: the editor's own text, a Send button that records what was sent.
// Pages are test fixtures; nothing here knows about Coach Guard.
window.sent = [];
window.harness = function (options) {
  window.editorText = options.text;
  // Editors that merge quick edits into one undo step (by time) expose how to end the current
  // step: tests call it where a coach would pause between typing and reading a card.
  window.endTypingGroup = options.endTypingGroup || function () {};
  if (options.sendButton) {
    options.sendButton.addEventListener('click', function () {
      window.sent.push(window.editorText());
    });
  }
  const form = document.getElementById('compose');
  if (form) {
    form.addEventListener('submit', function () {
      window.sent.push(window.editorText());
    });
  }
  window.editorReady = true;
};
