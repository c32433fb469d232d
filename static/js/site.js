// Progressive enhancement only: every page works without this file.
document.documentElement.classList.add("js");

// The mobile menu: a disclosure button (aria-expanded) that shows and hides the main
// navigation; Escape closes it and returns focus to the button.
const toggle = document.querySelector(".nav-toggle");
const nav = document.getElementById("primary-nav");
if (toggle && nav) {
  toggle.hidden = false;
  const isOpen = () => toggle.getAttribute("aria-expanded") === "true";
  const setOpen = (open) => {
    toggle.setAttribute("aria-expanded", String(open));
    nav.classList.toggle("is-open", open);
  };
  toggle.addEventListener("click", () => setOpen(!isOpen()));
  nav.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && isOpen()) {
      setOpen(false);
      toggle.focus();
    }
  });
  toggle.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && isOpen()) setOpen(false);
  });
}

// A form that comes back with errors moves focus to its summary, so the problems are read first.
document.querySelector(".error-summary")?.focus();
