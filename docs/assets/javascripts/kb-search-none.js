// A way out when a search finds nothing: Material says "No matching documents" and
// stops there; a reader under pressure needs somewhere to go. The links are in the
// search dialog (overrides/partials/search.html); this shows them whenever Material's
// result line says that nothing matched, and hides them again when something does.
(function () {
  var box = document.querySelector(".kb-search-none");
  var meta = document.querySelector(".md-search-result__meta");
  if (!box || !meta) return;
  var none = box.getAttribute("data-none");
  function update() { box.hidden = meta.textContent.trim() !== none; }
  new MutationObserver(update).observe(meta, {childList: true, characterData: true, subtree: true});
  update();
})();
