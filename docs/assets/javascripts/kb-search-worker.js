// The search worker: Material's own, with two changes: to the queries it receives,
// and to the order of the results it sends back.
//
// Material adds a trailing wildcard to every word of a query, stop words included,
// so in "do I have to speak" the "i" becomes "i*" and matches every word that starts
// with i; questions typed as people ask them then drown in noise. Before Material's
// worker sees a query, this drops lunr's English stop words from it, and the words on
// most pages of this site ("group", "reflective"), as long as at least one other word
// is left. Material has no setting for this (its worker builds
// the query itself), hence this small wrapper. overrides/main.html points Material's
// configuration here and passes the name of Material's worker in `?material=`.
//
// A search for a term's name should find the term's own entry first, but lunr's
// scores favour a page whose longer name and aliases repeat the word ("Hate in the
// countertransference" above "Countertransference"), and no field boost changes
// that reliably. So the page whose title is the query itself, qualifier and kind
// label aside ("Frame (setting)", "Contracting (glossary)"), or the glossary entry of
// which the query is a name or an alias ("supervision"), is moved to the top.
//
// The index keeps the start of each text as written and, in a hidden paragraph, only
// the searchable words of the rest (scripts/kb/searchindex.py, to keep the index
// light). A result shows the start, with "…" where the text goes on; never the rest.
(function () {
  var SETUP = 0, QUERY = 2, RESULT = 3; // SearchMessageType in Material 9.x
  var lastQuery = "";
  var common = {}; // words on most pages of the site (the build lists them in the index's config)
  var names = {};  // a glossary term's names and aliases -> its entry (the same)
  var starts = {}; // location -> the start of its text, for a result whose match is in the rest
  var HIDDEN = /<p hidden>[\s\S]*?<\/p>/g;
  var here = (self.document && document.currentScript && document.currentScript.src) || self.location.href;
  var material = new URL(new URL(here).searchParams.get("material"), here).href;

  function isStopWord(word) {
    var filter = self.lunr && self.lunr.stopWordFilter;
    return !!filter && filter(new self.lunr.Token(word, {})) === undefined;
  }

  function withoutStopWords(query) {
    if (/["+\-~^:*]/.test(query)) return query; // leave lunr's own query syntax alone
    var words = query.split(/\s+/).filter(Boolean);
    var kept = words.filter(function (word) {
      var bare = word.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
      return !isStopWord(bare) && !common[bare];
    });
    return kept.length ? kept.join(" ") : query;
  }

  function bare(text) {
    return String(text || "").replace(/<[^>]*>/g, "").replace(/\s*\([^)]*\)/g, "")
      .toLowerCase().replace(/[-\u2010\u2011\s]+/g, " ").trim();
  }

  function ownPageFirst(groups, query) {
    var wanted = bare(query);
    var entry = names[wanted];
    for (var i = 1; i < groups.length; i++) {
      var top = groups[i][0];
      if (top && (bare(top.title) === wanted || (entry && String(top.location).split("#")[0] === entry))) {
        groups.unshift(groups.splice(i, 1)[0]);
        return;
      }
    }
  }

  function shownText(doc) {
    if (typeof doc.text !== "string" || !starts.hasOwnProperty(doc.location)) return;
    var text = doc.text.replace(HIDDEN, "");
    if (!text.trim()) text = starts[doc.location];
    doc.text = text.replace(/<\/p>$/, " \u2026</p>");
  }

  // Registered before Material's worker loads, so it sees each message first.
  addEventListener("message", function (event) {
    var message = event.data;
    if (message && message.type === SETUP && message.data && message.data.config) {
      (message.data.config.kb_common_words || []).forEach(function (word) { common[word] = true; });
      names = message.data.config.kb_names || {};
      (message.data.docs || []).forEach(function (doc) {
        if (typeof doc.text === "string" && doc.text.indexOf("<p hidden>") >= 0) starts[doc.location] = doc.text.replace(HIDDEN, "");
      });
    }
    if (message && message.type === QUERY && typeof message.data === "string") {
      lastQuery = message.data;
      message.data = withoutStopWords(message.data);
    }
  });

  // Material's worker answers with a bare postMessage(), which finds this first.
  var post = self.postMessage;
  self.postMessage = function (message) {
    if (message && message.type === RESULT && message.data && Array.isArray(message.data.items)) {
      ownPageFirst(message.data.items, lastQuery);
      message.data.items.forEach(function (group) { group.forEach(shownText); });
    }
    return post.apply(self, arguments);
  };
  importScripts(material);
})();
