/*
 * GVI-veckan presenter mode: a module page becomes slides, one per "##" section (the title and
 * objectives first). P (or the "Presentera" button) starts at the section in view; arrow keys,
 * Space, Page Up/Down, Home/End move; Esc returns to the same place in the page; N shows the
 * trainer notes; a timer runs against the module's duration. T (or "Talarvy") opens the speaker
 * view in a second window for the laptop: notes, next slide and clocks there, slides only here;
 * the two windows follow each other by postMessage, which works from file:// too. The speaker
 * view's code (gvi-speaker.js) loads only in that window. Nothing is fetched from elsewhere, so it
 * works offline. Loaded only on module pages (overrides/main.html).
 */
(function () {
  "use strict";
  var ui = JSON.parse(document.getElementById("gvi-ui").textContent);
  var article = document.querySelector("article.md-content__inner");
  var start = document.querySelector(".gvi-present__start");
  var script = document.currentScript;
  if (!article || !start) return;
  var SPEAKER = "#gvi-speaker";
  start.title = ui.present_start_hint;
  if (!start.textContent.trim()) start.textContent = ui.present_start;
  var fill = function (text, values) {
    return text.replace(/\{(\w+)\}/g, function (_, key) { return values[key]; });
  };
  var slides = [], current = 0, timer = null, began = 0, slideBegan = 0, bar, counter, clock, notes, live;
  var speaker = null, toggle;
  var duration = parseInt(start.getAttribute("data-gvi-duration"), 10) || 0;

  function group() {
    slides = [[]];
    Array.prototype.forEach.call(article.children, function (node) {
      if (node === bar || node === notes || node.classList.contains("gvi-present__start")) return;
      if (node.tagName === "H2") slides.push([]);
      slides[slides.length - 1].push(node);
    });
    return slides;
  }

  // The trainer notes of one slide, as copies without ids (the originals stay hidden on the slide).
  function notesOf(nodes) {
    var out = [];
    nodes.forEach(function (node) {
      var found = node.matches("details.trainer") ? [node] : node.querySelectorAll("details.trainer");
      Array.prototype.forEach.call(found, function (d) {
        var body = document.createElement("div");
        Array.prototype.forEach.call(d.childNodes, function (c) {
          if (c.tagName === "SUMMARY") return;
          var copy = c.cloneNode(true);
          if (copy.removeAttribute) {
            copy.removeAttribute("id");
            Array.prototype.forEach.call(copy.querySelectorAll("[id]"), function (el) { el.removeAttribute("id"); });
          }
          body.appendChild(copy);
        });
        out.push(body);
      });
    });
    return out;
  }

  // What the speaker view (gvi-speaker.js) shares with this file.
  window.gviPresent = { ui: ui, article: article, duration: duration, group: group, notesOf: notesOf, fill: fill };
  if (location.hash === SPEAKER && window.opener) {
    var code = document.createElement("script");
    code.src = script.src.replace(/gvi-present\.js(\?.*)?$/, "gvi-speaker.js");
    document.head.appendChild(code);
    return;
  }

  // The speaker window, while it is open: it gets every slide change and may drive.
  function linked() {
    if (speaker && speaker.closed) {
      speaker = null;
      if (toggle) toggle.disabled = false;
    }
    return speaker;
  }
  function tell() {
    if (!linked()) return;
    speaker.postMessage({ gvi: "present", index: current, total: slides.length, began: began,
                          slideBegan: slideBegan, presenting: !!bar }, "*");
  }
  function openSpeaker() {
    if (linked()) { speaker.focus(); tell(); return; }
    speaker = window.open(location.href.split("#")[0] + SPEAKER, "gvi-speaker", "popup,width=1000,height=720");
    if (!speaker) { live.textContent = ui.present_speaker_blocked; return; }
    notes.hidden = true;
    document.body.classList.remove("gvi-present--notes");
    toggle.setAttribute("aria-expanded", "false");
    toggle.disabled = true;
    live.textContent = ui.present_speaker_open;
  }
  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!speaker || event.source !== speaker || !data || data.gvi !== "speaker") return;
    if (data.go === undefined) { tell(); return; }
    if (!bar) enter(data.go);
    else show(data.go);
  });

  function two(n) { return (n < 10 ? "0" : "") + n; }
  function tick() {
    linked();
    var s = Math.floor((Date.now() - began) / 1000);
    clock.textContent = fill(ui.present_timer, { elapsed: two(Math.floor(s / 60)) + ":" + two(s % 60), duration: duration });
  }

  function show(index) {
    var was = current;
    current = Math.max(0, Math.min(slides.length - 1, index));
    if (current !== was || !slideBegan) slideBegan = Date.now();
    slides.forEach(function (nodes, n) {
      nodes.forEach(function (node) { node.classList.toggle("gvi-present__off", n !== current); });
    });
    var heading = slides[current][0];
    counter.textContent = fill(ui.present_counter, { n: current + 1, total: slides.length });
    live.textContent = counter.textContent + ": " + (heading ? heading.textContent.replace(/¶$/, "").trim() : "");
    notes.innerHTML = "";
    notesOf(slides[current]).forEach(function (body) { notes.appendChild(body); });
    if (!notes.childNodes.length) notes.textContent = ui.present_no_notes;
    bar.querySelector("[data-go='-1']").disabled = current === 0;
    bar.querySelector("[data-go='1']").disabled = current === slides.length - 1;
    article.scrollTop = 0;
    window.scrollTo(0, 0);
    tell();
  }

  function button(label, go) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "md-button";
    b.textContent = label;
    if (go) b.setAttribute("data-go", go);
    return b;
  }

  function enter(at) {
    notes = null;
    group();
    document.body.classList.add("gvi-presenting");
    bar = document.createElement("div");
    bar.className = "gvi-present__bar";
    bar.setAttribute("role", "group");
    bar.setAttribute("aria-label", ui.present_label);
    var prev = button(ui.present_prev, "-1"), next = button(ui.present_next, "1");
    var talk = button(ui.present_speaker), exit = button(ui.present_exit);
    toggle = button(ui.present_notes);
    talk.title = ui.present_speaker_hint;
    talk.setAttribute("aria-keyshortcuts", "t");
    talk.className += " gvi-present__speaker";
    toggle.setAttribute("aria-expanded", "false");
    counter = document.createElement("span");
    clock = document.createElement("span");
    clock.className = "gvi-present__clock";
    live = document.createElement("p");
    live.className = "gvi-present__live";
    live.setAttribute("aria-live", "polite");
    notes = document.createElement("aside");
    notes.className = "gvi-present__notes";
    notes.setAttribute("aria-label", ui.present_notes);
    notes.hidden = true;
    prev.addEventListener("click", function () { show(current - 1); });
    next.addEventListener("click", function () { show(current + 1); });
    toggle.addEventListener("click", function () {
      notes.hidden = !notes.hidden;
      toggle.setAttribute("aria-expanded", String(!notes.hidden));
      document.body.classList.toggle("gvi-present--notes", !notes.hidden);
    });
    exit.addEventListener("click", leave);
    talk.addEventListener("click", openSpeaker);
    [prev, next, counter, clock, toggle, talk, exit, live].forEach(function (el) { bar.appendChild(el); });
    article.appendChild(notes);
    article.appendChild(bar);
    article.setAttribute("tabindex", "-1");
    began = Date.now();
    slideBegan = 0;
    toggle.disabled = !!linked();
    tick();
    timer = setInterval(tick, 1000);
    show(at);
    article.focus();
  }

  function leave() {
    var heading = slides[current][0];
    clearInterval(timer);
    slides.forEach(function (nodes) { nodes.forEach(function (n) { n.classList.remove("gvi-present__off"); }); });
    document.body.classList.remove("gvi-presenting", "gvi-present--notes");
    bar.remove();
    notes.remove();
    article.removeAttribute("tabindex");
    bar = null;
    tell();
    if (heading && heading.tagName === "H2") {
      heading.setAttribute("tabindex", "-1");
      heading.scrollIntoView();
      heading.focus();
    } else {
      start.focus();
    }
  }

  // Start at the section the reader is looking at.
  function visibleSlide() {
    group();
    var at = 0;
    slides.forEach(function (nodes, n) {
      if (n && nodes[0].getBoundingClientRect().top < window.innerHeight / 3) at = n;
    });
    return at;
  }

  start.hidden = false;
  start.addEventListener("click", function () { enter(0); });
  // Capture phase, and stop the event: Material also uses P and N (previous and next page).
  window.addEventListener("keydown", function (event) {
    var typing = /^(INPUT|TEXTAREA|SELECT)$/.test(event.target.tagName) || event.target.isContentEditable;
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (!bar) {
      if (!typing && (event.key === "p" || event.key === "P")) {
        event.preventDefault();
        event.stopImmediatePropagation();
        enter(visibleSlide());
      }
      return;
    }
    if (typing && event.key !== "Escape") return;
    var step = { ArrowRight: 1, ArrowDown: 1, PageDown: 1, ArrowLeft: -1, ArrowUp: -1, PageUp: -1 }[event.key];
    if (event.key === " " && !/^(BUTTON|A|SUMMARY)$/.test(event.target.tagName)) step = event.shiftKey ? -1 : 1;
    if (step) show(current + step);
    else if (event.key === "Home") show(0);
    else if (event.key === "End") show(slides.length - 1);
    else if (event.key === "Escape") leave();
    else if (event.key === "n" || event.key === "N") { if (!toggle.disabled) toggle.click(); }
    else if (event.key === "t" || event.key === "T") openSpeaker();
    else return;
    event.preventDefault();
    event.stopImmediatePropagation();
  }, true);
})();
