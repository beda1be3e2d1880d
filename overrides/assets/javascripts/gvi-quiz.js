/*
 * GVI-veckan quizzes: check, feedback per option, explanation, retry, a page score, and progress
 * kept in localStorage under the language-neutral quiz id (so a reload or a language switch shows
 * the same state). Also fills the "My progress" page. Strings come from the page (#gvi-ui).
 * Without this script the quiz still reads well: the answer sits in a closed <details>.
 */
(function () {
  "use strict";
  var ui = JSON.parse(document.getElementById("gvi-ui").textContent);
  var PREFIX = ui.ns + ":quiz:";
  var each = function (list, fn) { Array.prototype.forEach.call(list, fn); };
  var fill = function (text, values) {
    return text.replace(/\{(\w+)\}/g, function (_, key) { return values[key]; });
  };

  function load(id, count) {
    try {
      var data = JSON.parse(localStorage.getItem(PREFIX + id));
      if (data && data.v === 1 && typeof data.right === "boolean" && Array.isArray(data.chosen) &&
          data.chosen.length && data.chosen.every(function (n) { return n === (n | 0) && n >= 0 && (count === undefined || n < count); })) {
        return data;
      }
    } catch (e) { /* corrupt or foreign data: ignore it */ }
    return null;
  }
  function store(id, data) {
    try { if (data) localStorage.setItem(PREFIX + id, JSON.stringify(data)); else localStorage.removeItem(PREFIX + id); } catch (e) { /* storage off: the quiz still works */ }
  }

  var quizzes = [];
  each(document.querySelectorAll("form.gvi-quiz"), function (form) {
    var id = form.getAttribute("data-gvi-quiz");
    var fieldset = form.querySelector("fieldset");
    var inputs = form.querySelectorAll("input");
    var check = form.querySelector(".gvi-quiz__check");
    var retry = form.querySelector(".gvi-quiz__retry");
    var status = form.querySelector(".gvi-quiz__status");
    var answer = form.querySelector(".gvi-quiz__answer");
    var quiz = { id: id, right: null, first: inputs[0] };
    form.querySelector(".gvi-quiz__actions").hidden = false;

    function show(chosen) {
      var right = true;
      each(inputs, function (input, n) {
        var item = input.parentNode, picked = chosen.indexOf(n) >= 0;
        var correct = item.hasAttribute("data-gvi-correct");
        var kind = picked ? (correct ? "right" : "wrong") : (correct && form.getAttribute("data-gvi-kind") === "multiple" ? "missed" : "");
        if (picked !== correct) right = false;
        input.checked = picked;
        if (!kind) return;
        var mark = document.createElement("span");
        mark.className = "gvi-quiz__mark gvi-quiz__mark--" + kind;
        mark.id = input.id + "-mark";
        mark.textContent = ui["quiz_mark_" + kind];
        item.insertBefore(mark, input.nextSibling.nextSibling);
        var feedback = item.querySelector(".gvi-quiz__feedback");
        if (feedback && picked) feedback.hidden = false;
        input.setAttribute("aria-describedby", mark.id + (feedback && picked ? " " + feedback.id : ""));
      });
      fieldset.disabled = true;
      check.hidden = true;
      retry.hidden = false;
      answer.open = true;
      status.textContent = right ? ui.quiz_result_right : ui.quiz_result_wrong;
      status.className = "gvi-quiz__status gvi-quiz__status--" + (right ? "right" : "wrong");
      quiz.right = right;
      return right;
    }

    quiz.clear = function () {
      each(form.querySelectorAll(".gvi-quiz__mark"), function (mark) { mark.remove(); });
      each(form.querySelectorAll(".gvi-quiz__feedback"), function (fb) { fb.hidden = true; });
      each(inputs, function (input) { input.checked = false; input.removeAttribute("aria-describedby"); });
      fieldset.disabled = false;
      check.hidden = false;
      retry.hidden = true;
      answer.open = false;
      status.textContent = "";
      status.className = "gvi-quiz__status";
      quiz.right = null;
      store(id, null);
    };

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var chosen = [];
      each(inputs, function (input, n) { if (input.checked) chosen.push(n); });
      if (!chosen.length) {
        status.textContent = ui.quiz_choose_first;
        status.focus();
        return;
      }
      store(id, { v: 1, chosen: chosen, right: show(chosen) });
      status.focus();
      score();
    });
    retry.addEventListener("click", function () { quiz.clear(); inputs[0].focus(); score(); });

    // Arrow keys move between checkboxes as they do between radio buttons, without answering.
    fieldset.addEventListener("keydown", function (event) {
      var step = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 }[event.key];
      if (!step || event.target.type !== "checkbox") return;
      var list = Array.prototype.slice.call(inputs);
      list[(list.indexOf(event.target) + step + list.length) % list.length].focus();
      event.preventDefault();
    });

    var saved = load(id, inputs.length);
    if (saved) show(saved.chosen);
    quizzes.push(quiz);
  });

  var scoreLine;
  function score() {
    if (!scoreLine) return;
    var right = quizzes.filter(function (q) { return q.right === true; }).length;
    scoreLine.firstChild.textContent = fill(ui.quiz_score, { right: right, total: quizzes.length }) + " ";
  }
  if (quizzes.length) {
    var last = document.querySelectorAll("form.gvi-quiz");
    last = last[last.length - 1];
    scoreLine = document.createElement("p");
    scoreLine.className = "gvi-quiz-score";
    scoreLine.innerHTML = '<span role="status"></span><button type="button" class="md-button"></button>';
    scoreLine.lastChild.textContent = ui.quiz_reset;
    scoreLine.lastChild.addEventListener("click", function () {
      quizzes.forEach(function (q) { q.clear(); });
      score();
      quizzes[0].first.focus();
    });
    last.parentNode.insertBefore(scoreLine, last.nextSibling);
    score();
  }

  // "My progress": each module's quiz results from this browser.
  function progress() {
    each(document.querySelectorAll("[data-gvi-progress]"), function (cell) {
      var ids = cell.getAttribute("data-gvi-progress").split(" ").filter(Boolean);
      if (!ids.length) return;
      var answered = 0, right = 0;
      ids.forEach(function (id) {
        var data = load(id);
        if (data) { answered++; if (data.right) right++; }
      });
      cell.textContent = answered ? fill(ui.progress_done, { right: right, total: ids.length }) : ui.progress_not_started;
    });
  }
  var reset = document.querySelector("[data-gvi-progress-reset]");
  if (reset) {
    reset.hidden = false;
    reset.addEventListener("click", function () {
      try {
        Object.keys(localStorage).forEach(function (key) { if (key.indexOf(PREFIX) === 0) localStorage.removeItem(key); });
      } catch (e) { /* storage off */ }
      progress();
      document.querySelector("[data-gvi-progress-status]").textContent = ui.progress_cleared;
    });
  }
  progress();
})();
