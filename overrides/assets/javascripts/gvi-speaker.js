/*
 * GVI-veckan speaker view: the trainer's window, opened from presenter mode (gvi-present.js) on the
 * same page with #gvi-speaker. It shows the current slide's notes, the next slide's title and first
 * lines, the clocks and the controls; the audience window shows slides only. The windows talk by
 * postMessage (window.opener here, the window.open() handle there), which also works from file://.
 * Either window can drive; if the audience window is closed this one keeps working on its own.
 */
(function () {
  "use strict";
  var P = window.gviPresent, ui = P.ui, audience = window.opener;
  var slides = P.group(), current = 0, began = Date.now(), slideBegan = Date.now();
  var here = document.currentScript.src;
  var css = document.createElement("link");
  css.rel = "stylesheet";
  css.href = here.replace(/javascripts\/gvi-speaker\.js(\?.*)?$/, "stylesheets/gvi-speaker.css");
  document.head.appendChild(css);

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function titleOf(index) {
    var heading = slides[index] && slides[index][0];
    return heading && /^H[12]$/.test(heading.tagName) ? heading.textContent.replace(/¶$/, "").trim() : "";
  }
  function firstLines(index) {
    var text = "";
    (slides[index] || []).some(function (node) {
      if (/^H[1-6]$/.test(node.tagName) || node.matches("details.trainer, .gvi-facts, script")) return false;
      text = node.textContent.replace(/\s+/g, " ").trim();
      return !!text;
    });
    return text.length > 220 ? text.slice(0, 217).replace(/\s+\S*$/, "") + " …" : text;
  }
  function two(n) { return (n < 10 ? "0" : "") + n; }
  function mmss(ms) { var s = Math.max(0, Math.floor(ms / 1000)); return two(Math.floor(s / 60)) + ":" + two(s % 60); }
  function alive() { return !!audience && !audience.closed; }

  var moduleTitle = titleOf(0);
  document.title = ui.present_speaker + " – " + moduleTitle;
  document.body.classList.add("gvi-speaking");
  var root = el("main", "gvi-speaker md-typeset");
  root.setAttribute("aria-labelledby", "gvi-speaker-title");
  var h1 = el("h1", "gvi-speaker__title", ui.present_speaker + ": " + moduleTitle);
  h1.id = "gvi-speaker-title";
  var status = el("p", "gvi-speaker__status");
  status.setAttribute("role", "status");
  var now = el("section", "gvi-speaker__now");
  var nowTitle = el("h2", "gvi-speaker__slide");
  nowTitle.id = "gvi-speaker-now";
  now.setAttribute("aria-labelledby", nowTitle.id);
  var clocks = el("dl", "gvi-speaker__clocks");
  var clock = {};
  [["module", ui.present_speaker_module], ["slide", ui.present_speaker_slide], ["left", ui.present_speaker_left]]
    .forEach(function (pair) {
      var row = el("div");
      row.appendChild(el("dt", "", pair[1]));
      clock[pair[0]] = row.appendChild(el("dd"));
      clocks.appendChild(row);
    });
  var notesTitle = el("h3", "", ui.present_notes);
  var notes = el("div", "gvi-speaker__notes");
  var next = el("section", "gvi-speaker__next");
  var nextTitle = el("h2", "", ui.present_speaker_next);
  nextTitle.id = "gvi-speaker-next";
  next.setAttribute("aria-labelledby", nextTitle.id);
  var nextName = el("p", "gvi-speaker__next-title"), nextLines = el("p", "gvi-speaker__next-lines");
  var controls = el("div", "gvi-speaker__controls");
  controls.setAttribute("role", "group");
  controls.setAttribute("aria-label", ui.present_label);
  var prev = el("button", "md-button", ui.present_prev), forward = el("button", "md-button md-button--primary", ui.present_next);
  prev.type = forward.type = "button";
  prev.addEventListener("click", function () { go(current - 1); });
  forward.addEventListener("click", function () { go(current + 1); });
  [prev, forward].forEach(function (b) { controls.appendChild(b); });
  [nowTitle, clocks, notesTitle, notes].forEach(function (n) { now.appendChild(n); });
  [nextTitle, nextName, nextLines].forEach(function (n) { next.appendChild(n); });
  [h1, status, now, next, controls].forEach(function (n) { root.appendChild(n); });
  document.body.appendChild(root);

  function tickClock() {
    var elapsed = Date.now() - began;
    clock.module.textContent = mmss(elapsed);
    var planned = parseInt((slides[current][0] || {}).getAttribute ? slides[current][0].getAttribute("data-minutes") : "", 10);
    clock.slide.textContent = mmss(Date.now() - slideBegan) + (planned ? " (" + P.fill(ui.present_speaker_planned, { n: planned }) + ")" : "");
    var left = Math.ceil((P.duration * 60000 - elapsed) / 60000);
    clock.left.textContent = left >= 0 ? P.fill(ui.present_speaker_left_value, { m: left, duration: P.duration })
                                       : P.fill(ui.present_speaker_over, { m: -left });
    var text = alive() ? ui.present_speaker_linked : ui.present_speaker_alone;
    if (status.textContent !== text) status.textContent = text;
  }

  function render() {
    nowTitle.textContent = P.fill(ui.present_counter, { n: current + 1, total: slides.length }) + ": " + titleOf(current);
    notes.innerHTML = "";
    P.notesOf(slides[current]).forEach(function (body) { notes.appendChild(body); });
    if (!notes.childNodes.length) notes.textContent = ui.present_no_notes;
    var last = current >= slides.length - 1;
    nextName.textContent = last ? ui.present_speaker_last : titleOf(current + 1);
    nextLines.textContent = last ? "" : firstLines(current + 1);
    prev.disabled = current === 0;
    forward.disabled = last;
    tickClock();
  }

  function go(index) {
    index = Math.max(0, Math.min(slides.length - 1, index));
    if (index !== current) slideBegan = Date.now();
    current = index;
    render();
    if (alive()) audience.postMessage({ gvi: "speaker", go: index }, "*");
  }

  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!audience || event.source !== audience || !data || data.gvi !== "present") return;
    current = Math.max(0, Math.min(slides.length - 1, data.index));
    began = data.began || began;
    slideBegan = data.slideBegan || slideBegan;
    render();
  });

  window.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    var step = { ArrowRight: 1, ArrowDown: 1, PageDown: 1, ArrowLeft: -1, ArrowUp: -1, PageUp: -1 }[event.key];
    if (event.key === " " && !/^(BUTTON|A|SUMMARY)$/.test(event.target.tagName)) step = event.shiftKey ? -1 : 1;
    if (step) go(current + step);
    else if (event.key === "Home") go(0);
    else if (event.key === "End") go(slides.length - 1);
    else return;
    event.preventDefault();
    event.stopImmediatePropagation();
  }, true);

  render();
  setInterval(tickClock, 1000);
  if (alive()) audience.postMessage({ gvi: "speaker" }, "*");  // hello: the audience answers with its state
  forward.focus();
})();
