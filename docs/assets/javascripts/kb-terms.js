// Definitions on touch. Material shows a glossary link's summary (its title) as a
// tooltip on hover and on keyboard focus; a tap on a touch screen has neither, and
// followed the link at once. Here the first tap on a glossary link shows its
// definition beside it, with a "Read more" link to the entry; a second tap on the same
// link follows it. Mouse and keyboard are left to Material. Material has no setting for
// this (its tooltips are hover and focus only), hence this small script.
(function () {
  var lastPointer = "";
  var open = null; // {link, box}
  // Summaries by entry, read once: only the first link to a term on a page carries its
  // summary (title), and Material takes the title off a link while its tooltip shows.
  var summaries = {};
  var titled = document.querySelectorAll("a.kb-term[title]");
  for (var i = 0; i < titled.length; i++) {
    if (!summaries[titled[i].pathname]) summaries[titled[i].pathname] = titled[i].title;
  }

  addEventListener("pointerdown", function (event) { lastPointer = event.pointerType; }, true);

  function summaryOf(link) {
    return summaries[link.pathname] || link.title || "";
  }

  function close() {
    if (!open) return;
    open.box.remove();
    open.link.removeAttribute("aria-expanded");
    open = null;
  }

  function show(link, summary) {
    var box = document.createElement("div");
    box.className = "kb-definition";
    box.setAttribute("role", "dialog");
    box.setAttribute("aria-label", "Definition: " + link.textContent.trim());
    var text = document.createElement("p");
    text.textContent = summary;
    var more = document.createElement("a");
    more.href = link.href;
    more.textContent = "Read more: " + link.textContent.trim();
    var shut = document.createElement("button");
    shut.type = "button";
    shut.className = "kb-definition__close";
    shut.textContent = "Close";
    shut.addEventListener("click", close);
    box.append(text, more, shut);
    document.body.appendChild(box);
    var place = link.getBoundingClientRect();
    var width = box.offsetWidth;
    var left = Math.min(Math.max(8, place.left), document.documentElement.clientWidth - width - 8);
    box.style.left = left + scrollX + "px";
    box.style.top = place.bottom + scrollY + 6 + "px";
    link.setAttribute("aria-expanded", "true");
    open = {link: link, box: box};
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.kb-term");
    if (open && open.box.contains(event.target)) return;
    if (!link || lastPointer !== "touch") { close(); return; }
    if (open && open.link === link) return; // the second tap follows the link
    var summary = summaryOf(link);
    close();
    if (!summary) return;
    event.preventDefault();
    show(link, summary);
  });

  addEventListener("keydown", function (event) { if (event.key === "Escape") close(); });
})();
