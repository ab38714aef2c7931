// The timetable page: the grid with each cell's CSS classes decided here, and where the selected meeting stands.
interface Cell {
  readonly meeting: { readonly requestId: number; readonly match: boolean } | null;
  readonly unavailable: boolean;
  readonly target: { readonly allowed: boolean } | null;
}

interface Model<C extends Cell, R extends { readonly cells: readonly C[] }> {
  readonly rows: readonly R[];
  readonly unscheduled: readonly { readonly requestId: number }[];
  readonly selected: { readonly requestId: number } | null;
}

/** The classes of a grid cell: its state, and how it relates to the meeting being moved. */
export function cellClasses(cell: Cell, selectedId: number | null): string {
  const isSelected = cell.meeting !== null && selectedId !== null && cell.meeting.requestId === selectedId;
  const classes = ['cell'];
  if (cell.unavailable) classes.push('unavailable');
  if (cell.meeting && !cell.meeting.match) classes.push('dimmed');
  if (cell.target && cell.target.allowed) classes.push('allowed');
  if (cell.target && !cell.target.allowed && !isSelected) classes.push('refused');
  if (isSelected) classes.push('selected');
  return classes.join(' ');
}

/** The model the timetable templates read: the service's, with cell classes and where the selected meeting stands. */
export function timetableView<C extends Cell, R extends { readonly cells: readonly C[] }, M extends Model<C, R>>(model: M) {
  const selectedId = model.selected?.requestId ?? null;
  const waiting = selectedId !== null && model.unscheduled.some((u) => u.requestId === selectedId);
  const inGrid =
    selectedId !== null && model.rows.some((row) => row.cells.some((cell) => cell.meeting?.requestId === selectedId));
  return {
    ...model,
    rows: model.rows.map((row) => ({
      ...row,
      cells: row.cells.map((cell) => ({ ...cell, classes: cellClasses(cell, selectedId) })),
    })),
    /** The selected meeting has a place in the schedule (it is not among the unscheduled): moving, not placing. */
    selectedScheduled: selectedId !== null && !waiting,
    /** The selected meeting can be locked or taken out: shown in the grid, or at least not waiting for a place. */
    selectedPlaced: inGrid || !waiting,
  };
}
