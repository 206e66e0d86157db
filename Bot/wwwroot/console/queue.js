// Keeps the desk's queue current (Bot/OperatorConsole/Pages/Handoffs/Index.cshtml), as
// /console/transcript.js keeps a conversation current: every three seconds it reads the same page again
// and puts its #queue in place of this one. A screen reader hears the page's summary ("2 open hand-offs,
// 1 unanswered", the polite #queue-status) only when a hand-off came, went, was claimed or became
// unanswered, not when a waiting time moved on. The link that had the focus keeps it. Without script
// the page shows the queue of the moment it was loaded.
(function () {
  "use strict";
  var queue = document.getElementById("queue");
  var status = document.getElementById("queue-status");
  if (!queue || !status || !window.DOMParser) {
    return;
  }

  function keys(element) {
    return Array.prototype.map.call(element.querySelectorAll("tr[data-key]"), function (row) {
      return row.getAttribute("data-key");
    }).join("\n");
  }

  function replace(fresh) {
    var focused = document.activeElement && queue.contains(document.activeElement) ? document.activeElement.getAttribute("href") : null;
    var changed = keys(fresh) !== keys(queue);
    if (fresh.innerHTML === queue.innerHTML) {
      return;
    }
    while (queue.firstChild) {
      queue.removeChild(queue.firstChild);
    }
    while (fresh.firstChild) {
      queue.appendChild(document.importNode(fresh.firstChild, true));
      fresh.removeChild(fresh.firstChild);
    }
    if (changed) {
      status.textContent = fresh.getAttribute("data-summary") || "";
    }
    if (focused) {
      var link = queue.querySelector('a[href="' + focused.replace(/"/g, '\\"') + '"]');
      if (link) {
        link.focus();
      }
    }
  }

  function poll() {
    fetch(window.location.href, { credentials: "same-origin", headers: { Accept: "text/html" } })
      .then(function (response) { return response.ok && !response.redirected ? response.text() : null; })
      .then(function (html) {
        if (html) {
          var fresh = new DOMParser().parseFromString(html, "text/html").getElementById("queue");
          if (fresh) {
            replace(fresh);
          }
        }
        setTimeout(poll, 3000);
      })
      .catch(function () { setTimeout(poll, 5000); });
  }

  setTimeout(poll, 3000);
})();
