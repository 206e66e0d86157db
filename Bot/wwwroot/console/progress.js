// Keeps a campaign's progress current while it runs (Bot/OperatorConsole/Pages/Campaigns/Detail.cshtml):
// asks the page's progress handler every two seconds and stops once the campaign has finished.
// Without script the page still shows the progress of the moment it was loaded.
(function () {
  "use strict";
  var section = document.getElementById("progress");
  if (!section || section.dataset.finished === "true") {
    return;
  }

  function field(name) {
    return section.querySelector('[data-field="' + name + '"]');
  }

  function show(progress) {
    field("status").textContent = progress.status;
    var bar = field("bar");
    bar.max = progress.total;
    bar.value = progress.done;
    bar.textContent = progress.done + " of " + progress.total;
    ["done", "total", "sent", "skipped", "failed"].forEach(function (name) {
      field(name).textContent = String(progress[name]);
    });
  }

  function poll() {
    fetch(section.dataset.progressUrl, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (progress) {
        if (progress) {
          show(progress);
          if (progress.isFinished) {
            // A finished campaign can no longer be cancelled.
            section.dataset.finished = "true";
            var cancel = document.getElementById("cancel");
            if (cancel) {
              cancel.remove();
            }
            return;
          }
        }
        setTimeout(poll, 2000);
      })
      .catch(function () { setTimeout(poll, 5000); });
  }

  setTimeout(poll, 2000);
})();
