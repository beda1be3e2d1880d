/*
 * GVI-veckan role checklists: ticks kept in localStorage under "<role>/<phase>/<n>" (the same in
 * both languages), a count per phase and for the page, untick all, print. Loaded on checklist
 * pages only. Corrupt or foreign stored data is ignored.
 */
(function () {
  "use strict";
  var ui = JSON.parse(document.getElementById("gvi-ui").textContent);
  var bar = document.querySelector(".gvi-checklist-bar");
  if (!bar) return;
  var role = bar.getAttribute("data-gvi-checklist");
  var KEY = ui.ns + ":check:" + role;
  var fill = function (text, values) {
    return text.replace(/\{(\w+)\}/g, function (_, key) { return values[key]; });
  };
  function load() {
    try {
      var data = JSON.parse(localStorage.getItem(KEY));
      return data && typeof data === "object" && !Array.isArray(data) ? data : {};
    } catch (e) { return {}; }
  }
  function save(data) {
    try { localStorage.setItem(KEY, JSON.stringify(data)); } catch (e) { /* storage off */ }
  }

  // Phases: each h2 with its task list; items are numbered from 1 within their phase.
  var items = [], phases = [];
  Array.prototype.forEach.call(document.querySelectorAll("article h2[id]"), function (heading) {
    var list = heading.nextElementSibling;
    while (list && !(list.tagName === "UL" && list.classList.contains("task-list")) && list.tagName !== "H2") {
      list = list.nextElementSibling;
    }
    if (!list || list.tagName !== "UL") return;
    var phase = { heading: heading, inputs: [] };
    Array.prototype.forEach.call(list.querySelectorAll(":scope > li > label > input[type=checkbox]"), function (input, n) {
      input.disabled = false;
      input.setAttribute("data-gvi-item", heading.id + "/" + (n + 1));
      phase.inputs.push(input);
      items.push(input);
    });
    phase.count = document.createElement("span");
    phase.count.className = "gvi-checklist__count";
    heading.insertBefore(phase.count, heading.querySelector(".headerlink"));
    phases.push(phase);
  });

  var total = bar.querySelector(".gvi-checklist__total");
  var status = bar.querySelector("[role=status]");
  function render() {
    var data = load(), done = 0;
    items.forEach(function (input) { input.checked = data[input.getAttribute("data-gvi-item")] === true; });
    phases.forEach(function (phase) {
      var n = phase.inputs.filter(function (i) { return i.checked; }).length;
      done += n;
      phase.count.textContent = " " + fill(ui.check_done, { done: n, total: phase.inputs.length });
    });
    total.textContent = fill(ui.check_done, { done: done, total: items.length });
  }
  document.querySelector("article").addEventListener("change", function (event) {
    var id = event.target.getAttribute && event.target.getAttribute("data-gvi-item");
    if (!id) return;
    var data = load();
    if (event.target.checked) data[id] = true;
    else delete data[id];
    save(data);
    status.textContent = "";
    render();
  });
  var reset = bar.querySelector(".gvi-checklist__reset");
  reset.textContent = ui.check_reset;
  reset.addEventListener("click", function () {
    try { localStorage.removeItem(KEY); } catch (e) { /* storage off */ }
    render();
    status.textContent = ui.check_cleared;
  });
  var print = bar.querySelector(".gvi-checklist__print");
  print.textContent = ui.check_print;
  print.addEventListener("click", function () { window.print(); });
  var title = document.querySelector("article h1");
  if (title) title.parentNode.insertBefore(bar, title.nextSibling);
  bar.hidden = false;
  render();
})();
