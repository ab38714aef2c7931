// Shows each meeting's time in the viewer's own time zone too, when it is not the event's.
(function () {
  var root = document.querySelector('[data-event-zone]');
  if (!root || typeof Intl === 'undefined') return;
  var eventZone = root.getAttribute('data-event-zone');
  var yourZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (!yourZone || yourZone === eventZone) return;
  var format = new Intl.DateTimeFormat(document.documentElement.lang || undefined, {
    hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: yourZone,
  });
  var day = new Intl.DateTimeFormat(document.documentElement.lang || undefined, {
    month: 'short', day: 'numeric', timeZone: yourZone,
  });
  var label = root.getAttribute('data-your-time') || '';
  document.querySelectorAll('.local-time[data-start]').forEach(function (element) {
    var start = new Date(element.getAttribute('data-start'));
    var end = new Date(element.getAttribute('data-end'));
    element.textContent = label + ': ' + day.format(start) + ' ' + format.format(start) + '–' + format.format(end) + ' (' + yourZone + ')';
    element.hidden = false;
  });
})();
