// While an import runs, fetch its page every two seconds and swap in the fresh report (a
// live region, so screen readers hear the change) until the import has ended.
const POLL_MS = 2000;

async function refresh() {
  const current = document.getElementById("import-report");
  const response = await fetch(window.location.href, { credentials: "same-origin" });
  const page = new DOMParser().parseFromString(await response.text(), "text/html");
  const fresh = page.getElementById("import-report");
  if (current && fresh) {
    current.replaceWith(fresh);
    if (fresh.dataset.running === "true") {
      window.setTimeout(refresh, POLL_MS);
    }
  }
}

if (document.getElementById("import-report")?.dataset.running === "true") {
  window.setTimeout(refresh, POLL_MS);
}
