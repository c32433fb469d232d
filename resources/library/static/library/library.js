// Progressive enhancement of the library: filters apply as soon as they change and the
// results are swapped in place; the URL follows, so links and the back button still work.
// Without this file the form is a plain GET form with "Apply filters" buttons.

const form = document.querySelector("[data-library-form]");

async function show(url, { push }) {
  const results = document.querySelector("[data-library-results]");
  results.setAttribute("aria-busy", "true");
  const active = document.activeElement;
  const selector = active && active.name
    ? `[name="${CSS.escape(active.name)}"]${active.type === "checkbox" ? `[value="${CSS.escape(active.value)}"]` : ""}`
    : "";
  try {
    const response = await fetch(url, { headers: { Accept: "text/html" } });
    const html = new DOMParser().parseFromString(await response.text(), "text/html");
    const fresh = html.querySelector("[data-library]");
    if (!fresh) throw new Error("no library in the response");
    document.querySelector("[data-library]").replaceWith(fresh);
    if (push) history.pushState({ library: true }, "", url);
    enhance();
    if (selector) document.querySelector(`[data-library] ${selector}`)?.focus();
  } catch (error) {
    window.location.assign(url);
  }
}

function enhance() {
  const current = document.querySelector("[data-library-form]");
  if (!current) return;
  current.addEventListener("change", (event) => {
    if (event.target.matches("input[type=checkbox], select")) {
      const params = new URLSearchParams(new FormData(current));
      for (const [key, value] of [...params]) if (!value) params.delete(key);
      params.delete("page");
      show(`${window.location.pathname}?${params}`, { push: true });
    }
  });
  current.addEventListener("click", (event) => {
    const link = event.target.closest(".chips a, .pagination a");
    if (!link) return;
    event.preventDefault();
    show(link.href, { push: true });
  });
}

if (form) {
  enhance();
  window.addEventListener("popstate", () => show(window.location.href, { push: false }));
}
