// Keeps the composer's preview current while the operator types (Bot/OperatorConsole/Pages/Campaigns/New.cshtml):
// a moment after the last change it posts the form to the page's Preview handler, the same one the Preview
// button uses, and swaps in the answer's preview and problems. Nothing is stored; without script the button does it.
(function () {
  "use strict";
  var form = document.querySelector("form[data-live-preview]");
  if (!form || !window.fetch || !window.DOMParser) {
    return;
  }

  var timer = null;
  var latest = 0;

  function swap(answer, id) {
    var fresh = answer.getElementById(id);
    var current = document.getElementById(id);
    if (fresh && current) {
      current.replaceChildren.apply(current, Array.prototype.slice.call(fresh.childNodes));
    }
  }

  function refresh() {
    var asked = ++latest;
    fetch(form.dataset.livePreview, { method: "POST", body: new FormData(form), credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (html === null || asked !== latest) {
          return;
        }

        var answer = new DOMParser().parseFromString(html, "text/html");
        swap(answer, "problems-slot");
        swap(answer, "preview-slot");
        if (window.conversationBotCards) {
          window.conversationBotCards.render(document.getElementById("preview-slot"));
        }
      })
      .catch(function () { /* the Preview button still works */ });
  }

  function changed() {
    clearTimeout(timer);
    timer = setTimeout(refresh, 700);
  }

  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
})();
