// Renders the composer's card previews (Bot/OperatorConsole/Pages/Campaigns/New.cshtml) with Microsoft's
// Adaptive Cards renderer (lib/adaptivecards, tools/adaptivecards/vendor.sh). Each element with a
// data-adaptive-card attribute holds the card's JSON; its text stays as the fallback without script.
// composer.js calls render again after it swapped in a new preview.
(function () {
  "use strict";

  function render(root) {
    if (!window.AdaptiveCards) {
      return;
    }

    root.querySelectorAll("[data-adaptive-card]").forEach(function (host) {
      var card = new window.AdaptiveCards.AdaptiveCard();
      card.onExecuteAction = function () { /* a preview sends nothing */ };
      try {
        card.parse(JSON.parse(host.dataset.adaptiveCard));
        host.replaceChildren(card.render());
        host.dataset.rendered = "true";
      } catch (problem) {
        host.dataset.rendered = "false";
        host.setAttribute("title", "The card could not be rendered: " + problem);
      }
    });
  }

  window.conversationBotCards = { render: render };
  render(document);
})();
