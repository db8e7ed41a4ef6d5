// The "Print" button on handouts opens the browser's print dialog. A separate file,
// not an inline handler, so that a strict Content-Security-Policy can forbid inline script.
document.addEventListener("click", function (event) {
  var button = event.target.closest && event.target.closest("[data-kb-print]");
  if (button) {
    event.preventDefault();
    window.print();
  }
});
