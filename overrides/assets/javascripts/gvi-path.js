/*
 * GVI-veckan "Min väg / My path": per role, how many of the path's modules have their questions
 * answered in this browser, where to continue, and a printable summary that says it is
 * self-reported. Reads the quiz script's own keys (<ns>:quiz:<id>) and stores nothing of its own,
 * so the erase button on the privacy page already covers it. gvi-quiz.js fills each row's result.
 */
(function () {
  "use strict";
  var ui = JSON.parse(document.getElementById("gvi-ui").textContent);
  var PREFIX = ui.ns + ":quiz:";
  var fill = function (text, values) {
    return text.replace(/\{(\w+)\}/g, function (_, key) { return values[key]; });
  };
  function answered(id) {
    try {
      var data = JSON.parse(localStorage.getItem(PREFIX + id));
      return !!(data && data.v === 1 && typeof data.right === "boolean");
    } catch (e) { return false; }
  }
  Array.prototype.forEach.call(document.querySelectorAll("[data-gvi-path]"), function (path) {
    var status = path.querySelector("[data-gvi-path-status]");
    var rows = path.querySelectorAll("tbody tr");
    var total = 0, done = 0, started = false, next = null;
    Array.prototype.forEach.call(rows, function (row) {
      var cell = row.querySelector("[data-gvi-progress]");
      var link = row.querySelector("a");
      if (!link) return;  // the total row
      total++;
      var ids = cell ? cell.getAttribute("data-gvi-progress").split(" ").filter(Boolean) : [];
      var count = ids.filter(answered).length;
      if (count) started = true;
      if (ids.length && count === ids.length) done++;
      else if (!next && ids.length) next = link;
    });
    status.textContent = "";
    var line = document.createElement("span");
    var key = !next ? "path_all_done" : started ? "path_continue" : "path_begin";
    var parts = ui[key].split("{module}");
    line.appendChild(document.createTextNode(fill(ui.path_count, { done: done, total: total }) + " " + parts[0]));
    if (next) {
      var a = document.createElement("a");
      a.setAttribute("href", next.getAttribute("href"));
      a.textContent = next.textContent;
      line.appendChild(a);
      line.appendChild(document.createTextNode(parts[1] || ""));
    }
    status.appendChild(line);
    var printed = document.createElement("span");
    printed.className = "gvi-path__date";
    printed.textContent = " " + fill(ui.path_printed, { date: new Date().toLocaleDateString(document.documentElement.lang) });
    status.appendChild(printed);
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-button gvi-path__print";
    button.textContent = ui.path_print;
    button.addEventListener("click", function () {
      document.body.setAttribute("data-gvi-print-path", path.getAttribute("data-gvi-path"));
      path.setAttribute("data-gvi-path-printing", "");
      window.print();
    });
    status.appendChild(document.createTextNode(" "));
    status.appendChild(button);
    status.hidden = false;
  });
  window.addEventListener("afterprint", function () {
    document.body.removeAttribute("data-gvi-print-path");
    Array.prototype.forEach.call(document.querySelectorAll("[data-gvi-path-printing]"), function (p) {
      p.removeAttribute("data-gvi-path-printing");
    });
  });
})();
