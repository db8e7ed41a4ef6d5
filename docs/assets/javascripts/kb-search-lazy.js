// Search loads when it is wanted. Over http, Material starts its search worker and
// fetches the search index as each page loads, whether or not anyone searches: on a
// slow ward PC the two compete with the first paint, and the index is most of a first
// visit's weight. Material has no setting for this (over file:// it already waits until
// the search is opened, but the http case is hard-wired), so this small script, which
// runs after the iframe-worker shim and before Material's deferred bundle, holds back
// both: the worker is created, and the index request sent, at the first sign that the
// reader wants to search (focus in the search box, the "/" or "s" key, a click on the
// search icon). Material's own worker and search are used unchanged after that.
(function () {
  var started = false;
  var waiting = [];  // functions to run once searching starts

  function start() {
    if (started) return;
    started = true;
    waiting.splice(0).forEach(function (run) { run(); });
  }

  function whenStarted(run) {
    if (started) run(); else waiting.push(run);
  }

  // The worker: a stand-in that queues Material's messages until searching starts.
  var RealWorker = window.Worker;
  function LazyWorker(url, options) {
    if (String(url).indexOf("kb-search-worker.js") < 0) return new RealWorker(url, options);
    var stand = new EventTarget();
    var queue = [];
    var real = null;
    stand.postMessage = function (message) { if (real) real.postMessage(message); else queue.push(message); };
    stand.terminate = function () { if (real) real.terminate(); };
    whenStarted(function () {
      real = new RealWorker(url, options);
      real.addEventListener("message", function (event) {
        stand.dispatchEvent(new MessageEvent("message", {data: event.data}));
      });
      real.addEventListener("error", function (event) { stand.dispatchEvent(new Event("error")); });
      queue.splice(0).forEach(function (message) { real.postMessage(message); });
    });
    return stand;
  }
  window.Worker = LazyWorker;

  // The index: Material requests it with XMLHttpRequest; its sending waits.
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.kbIndex = /search\/search_index\.json(\?|$)/.test(String(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this, args = arguments;
    if (!request.kbIndex) return send.apply(request, args);
    whenStarted(function () { send.apply(request, args); });
  };

  // The signs of wanting to search.
  document.addEventListener("focusin", function (event) {
    if (event.target.matches && event.target.matches(".md-search__input")) start();
  });
  document.addEventListener("change", function (event) {
    if (event.target.id === "__search") start();
  });
  document.addEventListener("keydown", function (event) {
    var typing = /^(input|textarea|select)$/i.test(event.target.tagName) || event.target.isContentEditable;
    if (!typing && !event.ctrlKey && !event.metaKey && !event.altKey && /^[/sS]$/.test(event.key)) start();
  }, true);
  if (/[?&]q=/.test(location.search)) start();
})();
