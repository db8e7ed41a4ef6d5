// The light/dark switch in the header, in place of Material's palette component.
//
// Why not Material's: its component runs on every page load, before anyone touches the
// switch, and marks <body> as "switching", writes a color-scheme <meta> and unmarks <body>
// a frame later. Each of the three makes the browser restyle the whole page; on the hard
// moments guide that was about 270 ms of a throttled phone's main thread (Lighthouse's
// total blocking time), most of what kept the page under 95.
//
// What this keeps of Material's: the markup (overrides/partials/palette.html, Material's
// with data-kb-palette for data-md-component="palette"), the <body> attributes and the
// stored choice ("__palette", read before the first paint by kb-md-palette.js, Material's
// own early script), the theme-color and color-scheme <meta>s, Enter on the switch, and
// following the system's preference when nothing is stored. On load it changes only what
// differs, so a reader in the light palette costs the page nothing.
(function () {
  var form = document.querySelector("[data-kb-palette]");
  if (!form) return;
  var inputs = Array.prototype.slice.call(form.querySelectorAll("input[name='__palette']"));
  var themeColor = newMeta("theme-color");
  var colorScheme = null;  // written only once the page is dark: "light" is the default

  function newMeta(name) {
    var meta = document.createElement("meta");
    meta.name = name;
    return document.head.appendChild(meta);
  }

  function startIndex() {
    var saved = __md_get("__palette");
    var index = saved && typeof saved.index === "number" ? saved.index : inputs.findIndex(function (input) {
      return matchMedia(input.getAttribute("data-md-color-media")).matches;
    });
    return Math.max(0, Math.min(index, inputs.length - 1));
  }

  function colourOf(input) {
    var color = {};
    ["media", "scheme", "primary", "accent"].forEach(function (key) {
      color[key] = input.getAttribute("data-md-color-" + key);
    });
    if (color.media === "(prefers-color-scheme)") {  // "automatic": take the system's
      var light = matchMedia("(prefers-color-scheme: light)").matches;
      var match = form.querySelector(light ? "[data-md-color-media='(prefers-color-scheme: light)']"
                                           : "[data-md-color-media='(prefers-color-scheme: dark)']");
      ["scheme", "primary", "accent"].forEach(function (key) {
        color[key] = match.getAttribute("data-md-color-" + key);
      });
    }
    return color;
  }

  function apply(index, switching) {
    var color = colourOf(inputs[index]);
    var body = document.body;
    if (switching) body.setAttribute("data-md-color-switching", "");  // no colour transitions
    Object.keys(color).forEach(function (key) {
      if (body.getAttribute("data-md-color-" + key) !== color[key]) body.setAttribute("data-md-color-" + key, color[key]);
    });
    inputs.forEach(function (input, i) {
      var label = input.nextElementSibling;
      if (label instanceof HTMLElement && label.hidden !== (i !== index)) label.hidden = i !== index;
    });
    __md_set("__palette", {index: index, color: color});
    if (switching) {
      requestAnimationFrame(function () { body.removeAttribute("data-md-color-switching"); });
      updateMetas();
    }
  }

  // The browser's own colours (address bar, scrollbars) follow the header, as Material does.
  function updateMetas() {
    var header = getComputedStyle(document.querySelector("[data-md-component=header]"));
    var rgb = header.backgroundColor.match(/\d+/g) || [];
    themeColor.content = "#" + rgb.slice(0, 3).map(function (c) { return (+c).toString(16).padStart(2, "0"); }).join("");
    if (colorScheme || header.colorScheme !== "light") {
      colorScheme = colorScheme || newMeta("color-scheme");
      colorScheme.content = header.colorScheme;
    }
  }

  inputs.forEach(function (input, i) {
    input.addEventListener("change", function () { apply(i, true); });
  });
  form.addEventListener("keydown", function (event) {
    if (event.key !== "Enter") return;
    var next = inputs[(startIndex() + 1) % inputs.length];
    next.click();
    next.focus();
  });
  matchMedia("(prefers-color-scheme: light)").addEventListener("change", function () {
    var index = startIndex();
    if (colourOf(inputs[index]).media === "(prefers-color-scheme)") apply(index, true);
  });

  apply(startIndex(), false);
  // Read the header's colour once the page has been drawn, when it costs nothing.
  if (document.readyState === "complete") requestAnimationFrame(updateMetas);
  else addEventListener("load", function () { requestAnimationFrame(updateMetas); });
})();
