// A link in our mails carries its token after "#", which the browser never sends: put it in
// the form (the POST body carries it), drop it from the address bar, and open a page that
// only shows something (data-submit-on-load) at once.
const field = document.querySelector("[data-link-token]");
const token = decodeURIComponent(window.location.hash.slice(1));
if (field && token) {
  field.querySelector("input").value = token;
  field.hidden = true;
  window.history.replaceState(null, "", window.location.pathname);
  const form = field.closest("form");
  if (form.hasAttribute("data-submit-on-load")) {
    form.requestSubmit();
  }
}
