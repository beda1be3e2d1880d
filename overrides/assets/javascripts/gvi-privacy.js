/* Erase button (docs/om/webbplatsen.md): removes this site's keys only: "<site.id>:" and Material's "<scope>.__". */
(function () {
  var box = document.querySelector("[data-gvi-erase]");
  if (!box) return;
  var ns = JSON.parse(document.getElementById("gvi-ui").textContent).ns + ":";
  var scope = (window.__md_scope ? __md_scope.pathname : "/") + ".__";
  var button = box.querySelector("button"), status = box.querySelector("[role=status]");
  var say = function (key) { return box.getAttribute("data-erase-" + key); };
  button.onclick = function () {
    if (!confirm(say("confirm"))) return status.textContent = say("cancelled");
    var n = 0;
    ["localStorage", "sessionStorage"].forEach(function (name) {
      try {
        var store = window[name];
        Object.keys(store).forEach(function (key) {
          if (!key.indexOf(ns) || !key.indexOf(scope)) { store.removeItem(key); n++; }
        });
      } catch (e) { /* storage off: nothing stored */ }
    });
    status.textContent = n ? say("done").replace("{n}", n) : say("none");
  };
  box.firstElementChild.hidden = true;
  button.parentNode.hidden = false;
})();
