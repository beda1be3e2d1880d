/*
 * GVI-veckan search worker: wraps Material's own worker (same folder, named in ?worker=).
 *
 * 1. Indexes only the reader's language (?prefix= is its path prefix, ?others= the other
 *    languages' prefixes), so results never mix Swedish and English, also offline, where one
 *    search_index.js holds both languages.
 * 2. Stems each plain query term with the language's Lunr stemmer. Material appends "*" to every
 *    term and Lunr skips the pipeline for wildcard terms, so without this an inflected query
 *    ("gruppernas") never meets the stemmed index ("grupp").
 * 3. Adds words across languages: where the query holds a term in the other language or one of
 *    its synonyms (config.gvi_synonyms[lang], from docs/_data/terms.yml), the term in the reader's
 *    language is added ("frivården" on the English site also searches "probation service").
 * Material picks its worker from the page's __config; the build hook (gvi/search.py) points it here.
 * The page starts this worker only when the reader shows intent (partials/search-loader.html).
 */
(function () {
  "use strict";
  // In a real worker our URL is self.location; from file:// (offline bundle) the iframe-worker
  // shim runs us as a <script> in an iframe, where it is document.currentScript.src.
  var src = (self.document && document.currentScript && document.currentScript.src) || self.location.href;
  var params = new URL(src).searchParams;
  var lang = params.get("lang") || "en";
  var prefix = params.get("prefix") || "";
  var others = (params.get("others") || "").split(",").filter(Boolean);
  var SETUP = 0, QUERY = 2;

  // Let Material's worker register its message handler with us instead of the worker scope.
  // The shim's importScripts is asynchronous: hold messages until Material's worker is in.
  var handlers = [], queue = [], ready = false;
  var addEventListener = self.addEventListener;
  self.addEventListener = function (type, fn, options) {
    if (type === "message") handlers.push(fn);
    else addEventListener.call(self, type, fn, options);
  };
  function done() {
    self.addEventListener = addEventListener;
    ready = true;
    queue.splice(0).forEach(deliver);
  }
  var loading = importScripts(new URL(params.get("worker").split("?")[0], src).href);
  if (loading && typeof loading.then === "function") loading.then(done);
  else done();

  function inLanguage(doc) {
    var location = doc.location || "";
    if (prefix) return location.indexOf(prefix) === 0;
    return !others.some(function (other) { return location.indexOf(other) === 0; });
  }

  function stem(term) {
    var lunr = self.lunr;
    var stemmer = lang === "en" ? lunr && lunr.stemmer : lunr && lunr[lang] && lunr[lang].stemmer;
    if (!stemmer || !/^[\p{L}\p{N}]+$/u.test(term)) return term;
    return stemmer(new lunr.Token(term.toLowerCase(), {})).toString() || term;
  }

  var synonyms = [];
  function words(text) {
    return text.toLowerCase().split(/[\s\-]+/).filter(Boolean);
  }
  // A typed word matches a term's word in its inflected forms ("frivårdens", "samtalet") and while
  // it is still being typed ("frivår").
  function same(typed, word) {
    return typed === word ||
      (word.length >= 5 && typed.indexOf(word.slice(0, word.length - 2)) === 0) ||
      (typed.length >= 5 && word.indexOf(typed) === 0);
  }
  function expand(query) {
    var typed = words(query), added = [];
    synonyms.forEach(function (pair) {
      var alias = words(pair[0]);
      for (var i = 0; i + alias.length <= typed.length; i++) {
        if (alias.every(function (word, j) { return same(typed[i + j], word); })) {
          words(pair[1]).forEach(function (word) {
            if (typed.indexOf(word) < 0 && added.indexOf(word) < 0) added.push(word);
          });
          break;
        }
      }
    });
    return added.length ? query + " " + added.join(" ") : query;
  }

  function deliver(message) {
    if (message && message.type === SETUP) {
      var data = message.data;
      data.docs = data.docs.filter(inLanguage);
      synonyms = (data.config.gvi_synonyms || {})[lang] || [];
      data.config.lang = [lang];
      message = { type: SETUP, data: data };
    } else if (message && message.type === QUERY && typeof message.data === "string") {
      message = { type: QUERY, data: expand(message.data).split(/(\s+)/).map(stem).join("") };
    }
    handlers.forEach(function (fn) { fn({ data: message }); });
  }

  addEventListener.call(self, "message", function (event) {
    if (ready) deliver(event.data);
    else queue.push(event.data);
  });
})();
