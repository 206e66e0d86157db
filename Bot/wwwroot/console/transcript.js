// Keeps a hand-off's conversation current at the desk (Bot/OperatorConsole/Pages/Handoffs/Detail.cshtml):
// asks the page's transcript handler every two seconds, appends the lines that are new (the list is a
// polite live region, so a screen reader hears only those) and enables or disables the reply box with
// the reason. Without script the page shows the conversation of the moment it was loaded.
(function () {
  "use strict";
  var desk = document.getElementById("desk");
  var list = document.getElementById("transcript");
  if (!desk || !list) {
    return;
  }

  var text = document.getElementById("reply-text");
  var send = document.getElementById("reply-send");
  var why = desk.querySelector('[data-field="reply-why"]');
  var claimedBy = document.querySelector('[data-field="claimed-by"]');

  function span(className, content) {
    var element = document.createElement(className === "at" ? "time" : "span");
    if (className !== "at") {
      element.className = className;
    }
    element.textContent = content;
    return element;
  }

  function append(line) {
    var item = document.createElement("li");
    item.className = "line line-" + line.author + (line.before ? " before" : "");
    item.appendChild(span("who", line.who));
    item.appendChild(document.createTextNode(" "));
    item.appendChild(span("at", line.at));
    if (line.before) {
      item.appendChild(document.createTextNode(" "));
      item.appendChild(span("context", "before the hand-off"));
    }
    item.appendChild(document.createTextNode(" "));
    item.appendChild(span("text", line.text));
    if (line.note) {
      item.appendChild(document.createTextNode(" "));
      item.appendChild(span("note", line.note));
    }
    list.appendChild(item);
  }

  function show(state) {
    if (!state.open) {
      why.textContent = "This hand-off is closed: the conversation is back with the bot.";
      text.disabled = true;
      send.disabled = true;
      return false;
    }
    for (var i = list.children.length; i < state.lines.length; i++) {
      append(state.lines[i]);
    }
    var blocked = state.replyBlockedBecause;
    text.disabled = !!blocked;
    send.disabled = !!blocked;
    why.textContent = blocked || ("How it goes out: " + state.replyHow + ".");
    if (claimedBy) {
      claimedBy.textContent = state.claimedBy || "nobody yet";
    }
    return true;
  }

  function poll() {
    fetch(desk.dataset.transcriptUrl, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (state) {
        if (state && !show(state)) {
          return;
        }
        setTimeout(poll, 2000);
      })
      .catch(function () { setTimeout(poll, 5000); });
  }

  setTimeout(poll, 2000);
})();
