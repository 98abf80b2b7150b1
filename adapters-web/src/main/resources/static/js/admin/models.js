// Live progress of a PDF model being read: polls its status once a second until it is no longer
// processing, then reloads so that the page shows the actions of the new status.

export function followModelProgress() {
  const section = document.getElementById('model-status');
  if (!section || section.dataset.processing !== 'true') {
    return;
  }
  const bar = document.getElementById('model-progress');
  const poll = async () => {
    try {
      const response = await fetch(section.dataset.statusUrl, { headers: { Accept: 'application/json' } });
      if (!response.ok) return;
      const status = await response.json();
      if (bar) bar.value = status.percent;
      for (const field of ['pagesDone', 'pagesTotal', 'chunksDone', 'statusText']) {
        const element = section.querySelector(`[data-field="${field}"]`);
        if (element) element.textContent = status[field];
      }
      if (!status.processing) {
        window.location.reload();
        return;
      }
    } catch (e) {
      // the server may be restarting: try again on the next tick
    }
    setTimeout(poll, 1000);
  };
  setTimeout(poll, 1000);
}
