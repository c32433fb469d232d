// The progress of an announcement being sent (admin): asks the progress view every two
// seconds and updates the bar and the counts, until the announcement is sent.
const panel = document.querySelector("[data-progress-url]");

async function refresh() {
  const response = await fetch(panel.dataset.progressUrl, { headers: { Accept: "application/json" } });
  if (!response.ok) {
    return;
  }
  const progress = await response.json();
  const bar = panel.querySelector("progress");
  bar.max = progress.total || 1;
  bar.value = progress.done;
  bar.textContent = `${progress.done} of ${progress.total}`;
  panel.querySelector('[data-field="state_label"]').textContent = progress.state_label;
  panel.querySelector('[data-field="text"]').textContent = `${progress.done} of ${progress.total} mails done`;
  for (const [state, count] of Object.entries(progress.counts)) {
    const cell = panel.querySelector(`[data-count="${state}"]`);
    if (cell) {
      cell.textContent = count;
    }
  }
  if (progress.state !== "sent") {
    setTimeout(refresh, 2000);
  }
}

if (panel && panel.dataset.state !== "sent") {
  setTimeout(refresh, 2000);
}
