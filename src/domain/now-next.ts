// Which slot is on now and which comes next, read from the event-zone clock. Pure: the caller passes the instant
// (the app's injectable clock), so rosters highlight the same slots in tests as on the event floor.
import { DateTime } from 'luxon';

export interface TimedSlot {
  readonly id: number;
  /** YYYY-MM-DD, the event day. */
  readonly date: string;
  /** HH:MM local to the event. */
  readonly startTime: string;
  readonly endTime: string;
}

/**
 * Where the clock stands: before the event, before the day's first slot, inside a slot, in a gap between two
 * slots of the day (buffer or lunch), after the day's last slot, on a date between event days, after the event.
 */
export type ClockPhase =
  | 'beforeEvent'
  | 'beforeDay'
  | 'inSlot'
  | 'betweenSlots'
  | 'afterDay'
  | 'betweenDays'
  | 'afterEvent';

export interface NowNext<S extends TimedSlot> {
  /** The event-zone date and time of `now` (YYYY-MM-DD, HH:MM). */
  readonly localDate: string;
  readonly localTime: string;
  readonly phase: ClockPhase;
  readonly current: S | null;
  /** The first slot starting after `now`, today or on a later day. */
  readonly next: S | null;
}

function minutesOf(time: string): number {
  const [hours, minutes] = time.split(':');
  return Number(hours) * 60 + Number(minutes);
}

function compareSlots(a: TimedSlot, b: TimedSlot): number {
  return a.date.localeCompare(b.date) || minutesOf(a.startTime) - minutesOf(b.startTime);
}

/** The current and next slot among `slots` at instant `now` in time zone `zone` (IANA name, e.g. Asia/Seoul). */
export function nowAndNext<S extends TimedSlot>(slots: readonly S[], zone: string, now: Date): NowNext<S> {
  const local = DateTime.fromJSDate(now, { zone });
  if (!local.isValid) throw new Error(`now-next: unknown time zone ${zone}`);
  const localDate = local.toFormat('yyyy-MM-dd');
  // Seconds count: at 10:19:59 the 10:00–10:20 slot is still on, at 10:20:00 it is over.
  const minute = local.hour * 60 + local.minute + local.second / 60 + local.millisecond / 60_000;
  const ordered = [...slots].sort(compareSlots);

  const current =
    ordered.find(
      (slot) => slot.date === localDate && minutesOf(slot.startTime) <= minute && minute < minutesOf(slot.endTime),
    ) ?? null;
  const next =
    ordered.find(
      (slot) => slot.date > localDate || (slot.date === localDate && minutesOf(slot.startTime) > minute),
    ) ?? null;

  return { localDate, localTime: local.toFormat('HH:mm'), phase: phaseOf(ordered, localDate, minute, current, next), current, next };
}

function phaseOf(
  ordered: readonly TimedSlot[],
  localDate: string,
  minute: number,
  current: TimedSlot | null,
  next: TimedSlot | null,
): ClockPhase {
  if (current) return 'inSlot';
  const today = ordered.filter((slot) => slot.date === localDate);
  const first = ordered[0];
  if (today.length === 0) {
    if (!first || !next) return 'afterEvent';
    return next === first ? 'beforeEvent' : 'betweenDays';
  }
  if (minute < minutesOf(today[0]!.startTime)) return 'beforeDay';
  if (minute >= minutesOf(today.at(-1)!.endTime)) return next ? 'afterDay' : 'afterEvent';
  return 'betweenSlots';
}
