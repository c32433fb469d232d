// Copy to the clipboard, where the browser allows it. Without this file or without clipboard
// access each control still makes sense: a link with data-copy-link stays a plain link to its
// address, and a button with data-copy stays hidden.
const MESSAGE_TIME = 4000;

// On click, copies the text and says how that went: in the status region beside the control
// if it has one, or else for a while in place of the control's label.
function offerCopy(control, text, { copied, failed }) {
  const status = control.parentElement.querySelector("[role='status']");
  const label = control.textContent;
  const say = (message) => {
    if (status) status.textContent = message;
    else control.textContent = message || label;
  };
  let reset;
  control.addEventListener("click", async (event) => {
    event.preventDefault();
    try {
      await navigator.clipboard.writeText(text);
      say(copied);
    } catch {
      say(failed);
    }
    window.clearTimeout(reset);
    reset = window.setTimeout(() => say(""), MESSAGE_TIME);
  });
}

if (navigator.clipboard) {
  // A link copies its own address, which becomes the page's too; its data-copy-link value is
  // its label once it copies rather than goes.
  for (const link of document.querySelectorAll("a[data-copy-link]")) {
    const url = new URL(link.getAttribute("href"), window.location.href).href;
    link.firstChild.textContent = link.dataset.copyLink;
    link.addEventListener("click", () => history.replaceState(null, "", url));
    offerCopy(link, url, { copied: "Link copied", failed: "Copy the address from your browser's address bar" });
  }

  // A button copies the text of the element whose id its data-copy names.
  for (const button of document.querySelectorAll("button[data-copy]")) {
    const source = document.getElementById(button.dataset.copy);
    if (!source) continue;
    button.hidden = false;
    offerCopy(button, source.textContent.trim(), { copied: "Copied", failed: "Not copied" });
  }
}
