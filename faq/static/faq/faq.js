// "Link to this question" copies the question's address. Without this file (or without
// clipboard access) it stays a plain link to the question, whose address can be copied.
const STATUS_DELAY = 4000;

for (const link of document.querySelectorAll("[data-copy-link]")) {
  const status = link.parentElement.querySelector("[role='status']");
  link.firstChild.textContent = "Copy link to this question";
  link.addEventListener("click", async (event) => {
    if (!navigator.clipboard) {
      return;
    }
    event.preventDefault();
    const url = new URL(link.getAttribute("href"), window.location.href).href;
    history.replaceState(null, "", url);
    try {
      await navigator.clipboard.writeText(url);
      status.textContent = "Link copied";
    } catch {
      status.textContent = "Copy the address from your browser's address bar";
    }
    window.setTimeout(() => {
      status.textContent = "";
    }, STATUS_DELAY);
  });
}
