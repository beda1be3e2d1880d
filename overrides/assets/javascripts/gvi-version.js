/*
 * Version selector: Material's button shows the edition ("2023-01 latest") but is named "Välj
 * version" / "Select version", so speech users cannot say what they see (WCAG 2.5.3, axe
 * label-content-name-mismatch). Name it by its visible text followed by what it does.
 * Loaded only on builds deployed with mike (overrides/main.html).
 */
(function () {
  "use strict";
  function name(button) {
    var label = button.getAttribute("data-gvi-label") || button.getAttribute("aria-label") || "";
    var visible = button.textContent.replace(/\s+/g, " ").trim();
    button.setAttribute("data-gvi-label", label);
    if (visible && button.getAttribute("aria-label") !== visible + " – " + label) {
      button.setAttribute("aria-label", visible + " – " + label);
    }
  }
  var header = document.querySelector(".md-header");
  if (!header) return;
  function scan() {
    var button = header.querySelector(".md-version__current");
    if (button) name(button);
  }
  new MutationObserver(scan).observe(header, { childList: true, subtree: true });
  scan();
})();
