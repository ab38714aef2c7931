// Live rosters: listens to the staff link's server-sent events and swaps the roster body in place when something
// changed (a check-in, a newly published schedule). If the stream fails, the body is fetched again periodically;
// without script the page still works by reload. Check-in taps are sent in the background and the roster refreshed.
(function () {
  'use strict';
  var root = document.querySelector('[data-live-events]');
  if (!root) return;
  var fragmentUrl = root.getAttribute('data-live-fragment');
  var liveDay = root.getAttribute('data-live-day');
  var SPREAD_MS = 1000;
  var statusLine = document.querySelector('[data-live-status]');
  var messageLine = document.querySelector('[data-live-message]');
  var POLL_MS = 30000;
  // Slots start and end without any event: the current / next marks follow the clock by a refresh each minute.
  var CLOCK_MS = 60000;
  var pollTimer = null;
  var loading = false;
  var again = false;

  function setStatus(live) {
    if (!statusLine) return;
    statusLine.textContent = statusLine.getAttribute(live ? 'data-text-live' : 'data-text-offline');
    statusLine.classList.toggle('offline', !live);
  }

  function say(text, isError) {
    if (!messageLine) return;
    messageLine.textContent = text || '';
    messageLine.classList.toggle('error', Boolean(isError));
  }

  function refresh() {
    if (loading) {
      again = true;
      return;
    }
    loading = true;
    fetch(fragmentUrl, { credentials: 'same-origin', headers: { accept: 'text/html' } })
      .then(function (response) {
        // A revoked link or a room gone from the event: the full page explains it.
        if (response.status === 404 || response.status === 403) {
          window.location.reload();
          return null;
        }
        return response.ok ? response.text() : null;
      })
      .then(function (html) {
        if (html !== null) root.innerHTML = html;
      })
      .catch(function () {
        setStatus(false);
      })
      .then(function () {
        loading = false;
        if (again) {
          again = false;
          refresh();
        }
      });
  }

  function startPolling() {
    setStatus(false);
    if (pollTimer === null) pollTimer = window.setInterval(refresh, POLL_MS);
  }

  function stopPolling() {
    setStatus(true);
    if (pollTimer !== null) window.clearInterval(pollTimer);
    pollTimer = null;
  }

  window.setInterval(function () {
    if (pollTimer === null) refresh();
  }, CLOCK_MS);

  if ('EventSource' in window) {
    var source = new EventSource(root.getAttribute('data-live-events'));
    var opened = false;
    source.addEventListener('open', function () {
      stopPolling();
      // After a reconnection, catch up on what happened while the stream was down.
      if (opened) refresh();
      opened = true;
    });
    source.addEventListener('change', function (message) {
      var change = {};
      try {
        change = JSON.parse(message.data);
      } catch (ignored) {
        // An unreadable notice still means something changed.
      }
      // A check-in on another day changes nothing here.
      if (change.type === 'checkin' && liveDay && String(change.dayId) !== liveDay) return;
      // Every open roster hears the same notice: a random delay spreads their requests over a second.
      window.setTimeout(refresh, Math.random() * SPREAD_MS);
    });
    source.addEventListener('revoked', function () {
      source.close();
      window.location.reload();
    });
    source.addEventListener('error', startPolling);
  } else {
    startPolling();
  }

  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.hasAttribute('data-checkin')) return;
    event.preventDefault();
    var button = event.submitter;
    var body = new URLSearchParams(new FormData(form));
    if (button && button.name) {
      body.append(button.name, button.value);
      button.disabled = true;
    }
    fetch(form.action, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { accept: 'application/json' },
      body: body,
    })
      .then(function (response) {
        return response.json().then(function (body) {
          say(body.message, !response.ok);
          refresh();
        });
      })
      .catch(function () {
        // No answer (weak connection): send the form the ordinary way; a repeat counts once.
        if (button && button.name) {
          var tapped = document.createElement('input');
          tapped.type = 'hidden';
          tapped.name = button.name;
          tapped.value = button.value;
          form.appendChild(tapped);
        }
        form.submit();
      });
  });
})();
