// Keeps the composer's preview current while the operator types (Bot/OperatorConsole/Pages/Campaigns/New.cshtml):
// a moment after the last change it posts the form to the page's Preview handler, the same one the Preview
// button uses, and swaps in the answer's preview and problems. Nothing is stored; without script the button does it.
// A preview walks the topic's whole audience (Notifications/Delivery/CampaignPreview.cs), so one is asked at a
// time: changes made while it runs are previewed once it has answered.
(function () {
  "use strict";
  var form = document.querySelector("form[data-live-preview]");
  if (!form || !window.fetch || !window.DOMParser) {
    return;
  }

  var timer = null;
  var running = false;
  var again = false;

  function swap(answer, id) {
    var fresh = answer.getElementById(id);
    var current = document.getElementById(id);
    if (fresh && current) {
      current.replaceChildren.apply(current, Array.prototype.slice.call(fresh.childNodes));
    }
  }

  function refresh() {
    if (running) {
      again = true;
      return;
    }

    running = true;
    again = false;
    fetch(form.dataset.livePreview, { method: "POST", body: new FormData(form), credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (html === null || again) {
          return;
        }

        var answer = new DOMParser().parseFromString(html, "text/html");
        swap(answer, "problems-slot");
        swap(answer, "preview-slot");
        if (window.conversationBotCards) {
          window.conversationBotCards.render(document.getElementById("preview-slot"));
        }
      })
      .catch(function () { /* the Preview button still works */ })
      .then(function () {
        running = false;
        if (again) {
          refresh();
        }
      });
  }

  function changed() {
    clearTimeout(timer);
    timer = setTimeout(refresh, 700);
  }

  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
})();
