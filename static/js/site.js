// Progressive enhancement only: every page works without this file.
// Filter forms drop their empty fields on submit, so the address (and the feed and export links built
// from it) reads ?company=kakao rather than ?q=&company=kakao&source=&published_after=...
document.addEventListener("submit", function (event) {
  var form = event.target;
  if (!form.matches("form.filters, form[role=search]") || form.method.toLowerCase() !== "get") return;
  Array.prototype.forEach.call(form.elements, function (field) {
    if (field.name && field.value === "") field.disabled = true;
  });
  // Re-enable on back/forward navigation, when the page is restored from the cache.
  window.addEventListener("pageshow", function () {
    Array.prototype.forEach.call(form.elements, function (field) { field.disabled = false; });
  }, { once: true });
});
