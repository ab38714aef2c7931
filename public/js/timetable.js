// Progressive enhancement of the timetable: click a meeting (or drag it) to see where it may go without a page
// load, then click (or drop on) a highlighted cell to move, swap or place it. The edit itself is the same form post
// as without JavaScript (the hidden #timetable-edit form), so the server still checks every rule and the revision.
(function () {
  'use strict';
  var grid = document.querySelector('table.timetable[data-targets-url]');
  var form = document.getElementById('timetable-edit');
  var status = document.getElementById('timetable-js-status');
  if (!grid || !form || !window.fetch) return;

  var selection = null; // { requestId, scheduled, href, cells: { 'slot:table': cell } }

  function cellOf(element) {
    return element && element.closest ? element.closest('td[data-slot-id]') : null;
  }

  function keyOf(td) {
    return td.getAttribute('data-slot-id') + ':' + td.getAttribute('data-table-id');
  }

  function clear() {
    selection = null;
    grid.classList.remove('choosing');
    grid.querySelectorAll('td.allowed, td.refused, td.selected, td.drop-over').forEach(function (td) {
      td.classList.remove('allowed', 'refused', 'selected', 'drop-over');
      td.removeAttribute('title');
    });
    if (status) status.hidden = true;
  }

  function select(link, scheduled) {
    var requestId = link.getAttribute('data-request-id');
    clear();
    var pending = { requestId: requestId, scheduled: scheduled, href: link.getAttribute('href'), cells: null };
    selection = pending;
    var home = cellOf(link);
    if (home) home.classList.add('selected');
    var url = grid.getAttribute('data-targets-url') + '?request=' + encodeURIComponent(requestId);
    return fetch(url, { headers: { accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (targets) {
        if (!targets || selection !== pending) return;
        pending.cells = {};
        targets.cells.forEach(function (cell) { pending.cells[cell.slotId + ':' + cell.tableId] = cell; });
        grid.classList.add('choosing');
        grid.querySelectorAll('td[data-slot-id]').forEach(function (td) {
          var cell = pending.cells[keyOf(td)];
          if (!cell || td === home) return;
          if (cell.allowed && !targets.locked) td.classList.add('allowed');
          else if (cell.reasons.length > 0) {
            td.classList.add('refused');
            td.setAttribute('title', cell.reasons.join('\n'));
          }
        });
        if (status) {
          status.querySelector('a').setAttribute('href', pending.href);
          status.hidden = false;
        }
      });
  }

  function submitTo(td) {
    if (!selection || !selection.cells || !td.classList.contains('allowed')) return false;
    var cell = selection.cells[keyOf(td)];
    var kind = cell.swapWithRequestId !== null ? 'swap' : selection.scheduled ? 'move' : 'place';
    var values = {
      kind: kind,
      requestId: selection.requestId,
      slotId: kind === 'swap' ? '' : td.getAttribute('data-slot-id'),
      tableId: kind === 'swap' ? '' : td.getAttribute('data-table-id'),
      otherRequestId: kind === 'swap' ? String(cell.swapWithRequestId) : '',
    };
    Object.keys(values).forEach(function (name) {
      var input = form.elements.namedItem(name);
      input.value = values[name];
      // Empty fields are left out rather than sent as invalid numbers.
      input.disabled = values[name] === '';
    });
    form.submit();
    return true;
  }

  document.addEventListener('click', function (event) {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    var link = event.target.closest ? event.target.closest('a.meeting:not(.locked), a.place-link') : null;
    if (link) {
      event.preventDefault();
      select(link, link.classList.contains('meeting'));
      return;
    }
    var td = cellOf(event.target);
    if (td && grid.contains(td) && !event.target.closest('form, a') && submitTo(td)) event.preventDefault();
  });

  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') clear();
  });

  grid.addEventListener('dragstart', function (event) {
    var link = event.target.closest ? event.target.closest('a.meeting') : null;
    if (!link) return;
    event.dataTransfer.effectAllowed = 'move';
    event.dataTransfer.setData('text/plain', link.getAttribute('data-request-id'));
    select(link, true);
  });
  grid.addEventListener('dragover', function (event) {
    var td = cellOf(event.target);
    if (td && td.classList.contains('allowed')) {
      event.preventDefault();
      td.classList.add('drop-over');
    }
  });
  grid.addEventListener('dragleave', function (event) {
    var td = cellOf(event.target);
    if (td) td.classList.remove('drop-over');
  });
  grid.addEventListener('drop', function (event) {
    var td = cellOf(event.target);
    if (td) {
      event.preventDefault();
      submitTo(td);
    }
  });
})();
