// The search worker: Material's own, with one change to the queries it receives.
//
// Material adds a trailing wildcard to every word of a query, stop words included,
// so in "do I have to speak" the "i" becomes "i*" and matches every word that starts
// with i; questions typed as people ask them then drown in noise. Before Material's
// worker sees a query, this drops lunr's English stop words from it, as long as at
// least one other word is left. Material has no setting for this (its worker builds
// the query itself), hence this small wrapper. overrides/main.html points Material's
// configuration here and passes the name of Material's worker in `?material=`.
(function () {
  var QUERY = 2; // SearchMessageType.QUERY in Material 9.x
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
      return !isStopWord(word.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ""));
    });
    return kept.length ? kept.join(" ") : query;
  }

  // Registered before Material's worker loads, so it sees each message first.
  addEventListener("message", function (event) {
    var message = event.data;
    if (message && message.type === QUERY && typeof message.data === "string") {
      message.data = withoutStopWords(message.data);
    }
  });
  importScripts(material);
})();
