/*
 * GVI-veckan search worker: wraps Material's own worker (same folder, named in ?worker=).
 *
 * 1. Indexes only the reader's language (?prefix= is its path prefix, ?others= the other
 *    languages' prefixes), so results never mix Swedish and English.
 * 2. Stems each plain query term with the language's Lunr stemmer. Material appends "*" to every
 *    term and Lunr skips the pipeline for wildcard terms, so without this an inflected query
 *    ("gruppernas") never meets the stemmed index ("grupp").
 * Material picks its worker from the page's __config; the build hook (gvi/search.py) points it here.
 */
(function () {
  "use strict";
  var params = new URL(self.location.href).searchParams;
  var lang = params.get("lang") || "en";
  var prefix = params.get("prefix") || "";
  var others = (params.get("others") || "").split(",").filter(Boolean);
  var SETUP = 0, QUERY = 2;

  // Let Material's worker register its message handler with us instead of the worker scope.
  var handlers = [];
  var addEventListener = self.addEventListener;
  self.addEventListener = function (type, fn, options) {
    if (type === "message") handlers.push(fn);
    else addEventListener.call(self, type, fn, options);
  };
  importScripts(params.get("worker"));
  self.addEventListener = addEventListener;

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

  addEventListener.call(self, "message", function (event) {
    var message = event.data;
    if (message && message.type === SETUP) {
      var data = message.data;
      data.docs = data.docs.filter(inLanguage);
      data.config.lang = [lang];
      message = { type: SETUP, data: data };
    } else if (message && message.type === QUERY && typeof message.data === "string") {
      message = { type: QUERY, data: message.data.split(/(\s+)/).map(stem).join("") };
    }
    handlers.forEach(function (fn) { fn({ data: message }); });
  });
})();
