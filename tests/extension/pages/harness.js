/* global window, document */
// Shared by every editor page: the editor's own text, a Send button that records what was sent.
// Pages are test fixtures; nothing here knows about Coach Guard.
window.sent = [];
window.harness = function (options) {
  window.editorText = options.text;
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
