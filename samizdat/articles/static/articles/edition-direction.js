// On the edit page of a right-to-left edition's page (the title field says
// so with data-edition-dir), every text field and rich text editor of the
// form is set right to left, including blocks added while editing.
(function () {
  "use strict";
  var marker = document.querySelector('[data-edition-dir="rtl"]');
  if (!marker || !marker.form) {
    return;
  }
  var form = marker.form;
  var selector =
    'input[type="text"]:not([name="slug"]), textarea, [contenteditable="true"], .Draftail-Editor';
  function turn(root) {
    root.querySelectorAll(selector).forEach(function (field) {
      if (field.getAttribute("dir") !== "rtl") {
        field.setAttribute("dir", "rtl");
      }
    });
  }
  turn(form);
  new MutationObserver(function () {
    turn(form);
  }).observe(form, { childList: true, subtree: true });
})();
