// Copied from Material for MkDocs 9.8.1 (MIT): an inline script of its templates, moved
// to a file so that the Content-Security-Policy allows scripts from the site only
// (see overrides/partials/javascripts/). Re-copy on a Material upgrade.
var target=document.getElementById(location.hash.slice(1));target&&target.name&&(target.checked=target.name.startsWith("__tabbed_"))
