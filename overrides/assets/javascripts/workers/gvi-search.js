/* Search worker, wrapping Material's: one language, stemmed queries, synonyms, title ranking.
   README, "Search", explains each step; tests/data/relevance.yml measures them. */
(function () {
  "use strict";
  // From file:// the iframe-worker shim runs us as a <script>.
  var src = (self.document && document.currentScript && document.currentScript.src) || self.location.href;
  var params = new URL(src).searchParams;
  var lang = params.get("lang") || "en";
  var prefix = params.get("prefix") || "";
  var others = (params.get("others") || "").split(",").filter(Boolean);
  var SETUP = 0, QUERY = 2, RESULT = 3;

  // Material's handler registers with us; the shim's importScripts is asynchronous.
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
  var post = self.postMessage;
  self.postMessage = function (message) {
    if (message && message.type === RESULT) message.data.items = rerank(message.data.items);
    return post.apply(self, arguments);
  };
  var loading = importScripts(new URL(params.get("worker").split("?")[0], src).href);
  if (loading && typeof loading.then === "function") loading.then(done);
  else done();

  function inLanguage(doc) {
    var location = doc.location || "";
    if (prefix) return location.indexOf(prefix) === 0;
    return !others.some(function (other) { return location.indexOf(other) === 0; });
  }

  function isStopWord(term) {
    var lunr = self.lunr, filter = lang === "en" ? lunr && lunr.stopWordFilter : lunr && lunr[lang] && lunr[lang].stopWordFilter;
    return !!filter && !filter(new lunr.Token(term, {}));
  }

  function stem(term) {
    var lunr = self.lunr;
    var stemmer = lang === "en" ? lunr && lunr.stemmer : lunr && lunr[lang] && lunr[lang].stemmer;
    if (!stemmer || !/^[\p{L}\p{N}]+$/u.test(term)) return term;
    var stemmed = stemmer(new lunr.Token(term.toLowerCase(), {})).toString() || term;
    // "enskilt" -> "enskil", to meet "enskild(a)"
    if (lang === "sv" && stemmed.length >= 6 && /t$/.test(stemmed)) stemmed = stemmed.slice(0, -1);
    return stemmed;
  }

  var synonyms = [];
  var PARTICLES = "upp ut in av på till om över fram ner".split(" ");
  function words(text) {
    return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  }
  // inflected ("frivårdens") or half typed ("frivår")
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
    // "följa upp" -> "uppfölj" (uppföljning)
    if (lang === "sv") {
      for (var k = 0; k + 1 < typed.length; k++) {
        if (PARTICLES.indexOf(typed[k + 1]) >= 0 && typed[k].length >= 3) {
          var compound = typed[k + 1] + stem(typed[k]).replace(/a$/, "");
          if (added.indexOf(compound) < 0) added.push(compound);
        }
      }
    }
    return added.length ? query + " " + added.join(" ") : query;
  }

  var titles = {}, boosts = {}, lastQuery = [];
  function titleWords(location) {
    var out = [], parts = location.split("/").filter(Boolean);
    for (var i = parts.length; i > 0; i--) {  // and the sections' above
      var title = titles[parts.slice(0, i).join("/") + "/"];
      if (title) out = out.concat(words(title).map(stem));
    }
    return out;
  }
  // a title word matches a query word (stemmed) when equal, or when it starts with three or more of it
  function matches(word, q) { return word === q || (q.length >= 3 && word.indexOf(q) === 0); }
  function rerank(groups) {
    if (!lastQuery.length) return groups;
    return groups.map(function (group, order) {
      var page = (group[0] && group[0].location || "").split("#")[0], base = titleWords(page);
      // the page's title path, with its best matching section's title ("Före ett call-in")
      var found = Math.max.apply(null, group.map(function (item) {
        var section = item.location === page ? [] : words(titles[item.location] || "").map(stem);
        var less = Math.min(boosts[page] || 1, 1);  // a reference page (search: boost < 1): its sections count less
        var n = 0;
        lastQuery.forEach(function (q) {
          function has(word) { return matches(word, q); }
          // a word in the section's title counts a little less than one in the page's
          var weight = base.some(has) ? 1 : section.some(has) ? 0.9 * less : 0;
          n += isStopWord(q) ? weight / 10 : weight;  // stop words break ties
        });
        return n;
      }));
      // among equals, the title most about the query: "Talarna" over "Talare från vården"
      var own = words(titles[page] || "").filter(function (w) { return !isStopWord(w); }).map(stem);
      var cover = own.filter(function (w) {
        return lastQuery.some(function (q) { return matches(w, q); });
      }).length / (own.length || 1);
      return { group: group, found: found, cover: cover, order: order };
    }).sort(function (a, b) { return b.found - a.found || b.cover - a.cover || a.order - b.order; })
      .map(function (x) { return x.group; });
  }

  function deliver(message) {
    if (message && message.type === SETUP) {
      var data = message.data;
      data.docs = data.docs.filter(inLanguage);
      titles = {};
      data.docs.forEach(function (doc) {
        titles[doc.location] = doc.title;
        boosts[doc.location] = doc.boost;
      });
      synonyms = (data.config.gvi_synonyms || {})[lang] || [];
      data.config.lang = [lang];
      message = { type: SETUP, data: data };
    } else if (message && message.type === QUERY && typeof message.data === "string") {
      var query = expand(message.data);
      lastQuery = words(query).map(stem).filter(Boolean);
      message = { type: QUERY, data: query.split(/(\s+)/).map(stem).join("") };
    }
    handlers.forEach(function (fn) { fn({ data: message }); });
  }

  addEventListener.call(self, "message", function (event) {
    if (ready) deliver(event.data);
    else queue.push(event.data);
  });
})();
