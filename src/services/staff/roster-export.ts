// A room's day as CSV for the desk: one row per table and slot that has a meeting, in the viewer's language. A
// byte-order mark leads so spreadsheet programs read Korean names as UTF-8.
import { stringify } from 'csv-stringify/sync';
import type { Translator } from '../../i18n/index.js';
import type { RosterParty, RosterView } from './roster.js';

const COLUMNS = ['date', 'start', 'end', 'slot', 'room', 'table', 'corporate', 'startup', 'representatives', 'status'] as const;

function people(party: RosterParty): string {
  return party.representatives.map((person) => person.name).join(', ');
}

export function rosterCsv(roster: RosterView, t: Translator): string {
  const rows = roster.slots.flatMap((slot) =>
    slot.cells.flatMap((cell) => {
      const meeting = cell.meeting;
      if (!meeting) return [];
      const [corporate, startup] = meeting.parties;
      return [
        [
          slot.date,
          slot.startTime,
          slot.endTime,
          slot.code,
          roster.room.name,
          cell.tableLabel,
          `${corporate.code} ${corporate.name}`,
          `${startup.code} ${startup.name}`,
          `${people(corporate)} / ${people(startup)}`,
          t(`staff.status.${meeting.status}`),
        ],
      ];
    }),
  );
  return `\ufeff${stringify([COLUMNS.map((column) => t(`staff.csv.${column}`)), ...rows])}`;
}
