import t from 'tap';
import { cellClasses, timetableView } from '../../../src/web/view-models/timetable.js';

const meeting = (requestId: number, match = true) => ({ requestId, match });

t.test('a cell takes its classes from its state and from the selected meeting', async (t) => {
  t.equal(cellClasses({ meeting: null, unavailable: false, target: null }, null), 'cell');
  t.equal(cellClasses({ meeting: null, unavailable: true, target: null }, null), 'cell unavailable');
  t.equal(cellClasses({ meeting: meeting(1, false), unavailable: false, target: null }, null), 'cell dimmed');
  t.equal(cellClasses({ meeting: null, unavailable: false, target: { allowed: true } }, 4), 'cell allowed');
  t.equal(cellClasses({ meeting: meeting(2), unavailable: false, target: { allowed: false } }, 4), 'cell refused');
  // The selected meeting's own cell is not a refused target.
  t.equal(cellClasses({ meeting: meeting(4), unavailable: false, target: { allowed: false } }, 4), 'cell selected');
});

t.test('where the selected meeting stands', async (t) => {
  const rows = [{ cells: [{ meeting: meeting(1), unavailable: false, target: null }] }];
  const none = timetableView({ rows, unscheduled: [{ requestId: 2 }], selected: null });
  t.equal(none.selectedScheduled, false);
  t.equal(none.rows[0]?.cells[0]?.classes, 'cell');

  const inGrid = timetableView({ rows, unscheduled: [{ requestId: 2 }], selected: { requestId: 1 } });
  t.equal(inGrid.selectedScheduled, true);
  t.equal(inGrid.selectedPlaced, true);
  t.equal(inGrid.rows[0]?.cells[0]?.classes, 'cell selected');

  const waiting = timetableView({ rows, unscheduled: [{ requestId: 2 }], selected: { requestId: 2 } });
  t.equal(waiting.selectedScheduled, false);
  t.equal(waiting.selectedPlaced, false);

  // Scheduled on a day the filters hide: neither in the grid nor waiting, still placed.
  const hidden = timetableView({ rows, unscheduled: [], selected: { requestId: 3 } });
  t.equal(hidden.selectedScheduled, true);
  t.equal(hidden.selectedPlaced, true);
});
