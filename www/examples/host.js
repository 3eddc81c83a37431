// The host listens for results like for any DOM event (the events bubble and are composed).
for (const lens of document.querySelectorAll('report-lens')) {
  lens.addEventListener('report-lens:analysed', (e) => {
    (window.hostResults ??= []).push({ id: lens.id, analysis: e.detail });
  });
}
