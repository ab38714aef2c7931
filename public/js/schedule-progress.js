// Progressive enhancement of the schedule page: poll the run's JSON and move the progress bar in place (without
// JavaScript, a <noscript> meta refresh reloads the page instead); reload once the run has ended to show its result.
(function () {
  'use strict';
  var section = document.querySelector('[data-job-url]');
  if (!section || !window.fetch) return;
  var bar = document.getElementById('schedule-progress');
  var text = document.getElementById('schedule-progress-text');
  function poll() {
    fetch(section.getAttribute('data-job-url'), { headers: { accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (job) {
        if (!job) return;
        if (job.status !== 'running') { window.location.reload(); return; }
        bar.value = job.percent;
        bar.textContent = job.percent + '%';
        text.textContent = job.text;
        window.setTimeout(poll, 500);
      })
      .catch(function () { window.setTimeout(poll, 2000); });
  }
  window.setTimeout(poll, 300);
})();
