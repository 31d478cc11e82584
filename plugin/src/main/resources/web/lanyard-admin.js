// Lanyard admin pages: copy buttons. Loaded as a file (strict CSP: no inline scripts); everything else works without it.
(function () {
  'use strict';
  document.addEventListener('click', function (event) {
    var button = event.target.closest ? event.target.closest('button.lanyard-copy') : null;
    if (!button) {
      return;
    }
    var source = document.getElementById(button.getAttribute('data-copy'));
    if (!source || !navigator.clipboard) {
      return;
    }
    navigator.clipboard.writeText(source.textContent.trim()).then(function () {
      button.setAttribute('data-copied', 'true');
    });
  });
}());
