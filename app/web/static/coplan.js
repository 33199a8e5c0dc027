/* Co-planning pages: a button that reveals its confirmation (the consequence in words, then
   the real submit), and a passage selected in a plan's section filled in as the quote of a
   comment (as CONSUL's annotations quote the text they discuss). */
(function () {
  "use strict";

  document.querySelectorAll("[data-reveal]").forEach(function (button) {
    button.addEventListener("click", function () {
      var target = document.getElementById(button.getAttribute("data-reveal"));
      target.hidden = false;
      button.hidden = true;
      target.scrollIntoView({ block: "center" });
    });
  });

  function quoteSelection() {
    var selection = window.getSelection();
    if (!selection || selection.isCollapsed || !selection.anchorNode) { return; }
    var node = selection.anchorNode.nodeType === 1 ? selection.anchorNode : selection.anchorNode.parentNode;
    var text = node.closest ? node.closest("[data-quote-for]") : null;
    if (!text) { return; }
    var quote = String(selection).trim().slice(0, 500);
    if (quote) { document.getElementById(text.getAttribute("data-quote-for")).value = quote; }
  }
  document.addEventListener("mouseup", quoteSelection);
  document.addEventListener("touchend", quoteSelection);
})();
