// An editor's own submit (Save draft, Publish, Submit for review, a workflow
// action) waits for the autosave already under way, and no autosave starts
// after it.
//
// Wagtail's autosave posts the form a moment after the last change. On the
// add form, the first autosave creates the page and then points the form at
// that page's edit view. An editor who clicked Publish or Submit while that
// request was out posted the same new page a second time to the add view:
// whichever came second found its own slug taken (a bare error, or a 400 the
// editor never saw), and both could write at once. An autosave sent just
// after the submit found the page in moderation or newer and answered 400.
//
// So: the submit turns autosave off, and if an autosave is out, the submit
// is held until it is answered, then sent to wherever the form points now
// (the edit view of the page the autosave created), with the pressed
// button's name and value.
(function () {
  "use strict";

  var SETTLE_MS = 15000; // never hold a submit longer than this

  function guard(form) {
    var pending = null; // the last autosave "save" event not answered yet
    var whenSettled = null; // the held submit, sent once that is answered
    var sent = false;

    function settled() {
      pending = null;
      if (whenSettled) {
        whenSettled();
      }
    }
    form.addEventListener("w-autosave:save", function (event) {
      pending = event;
    });
    form.addEventListener("w-autosave:success", settled);
    form.addEventListener("w-autosave:error", settled);

    function send(submitter) {
      if (sent) {
        return;
      }
      sent = true;
      if (submitter && submitter.name) {
        var field = document.createElement("input");
        field.type = "hidden";
        field.name = submitter.name;
        field.value = submitter.value;
        form.appendChild(field);
      }
      // The form's own submit(), even if a field is named "submit"; it fires
      // no submit event, so this guard does not run again.
      HTMLFormElement.prototype.submit.call(form);
    }

    form.addEventListener("submit", function (event) {
      form.setAttribute("data-w-autosave-active-value", "false");
      if (whenSettled) {
        event.preventDefault(); // a second click while held
        return;
      }
      if (pending === null || pending.defaultPrevented) {
        return;
      }
      event.preventDefault();
      var submitter = event.submitter;
      whenSettled = function () {
        send(submitter);
      };
      window.setTimeout(whenSettled, SETTLE_MS);
    });
  }

  document
    .querySelectorAll('form[data-controller~="w-autosave"]')
    .forEach(guard);
})();
