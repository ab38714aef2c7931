// Turns a day's opening hours, meeting length, buffer and named breaks into its meeting slots.
// Pure: no clock, no database. Times are local 'HH:MM' strings of the event's time zone.
import { DomainError, type MessageParams } from './errors.js';

export type Session = 'am' | 'pm';

export interface BreakWindow {
  readonly startTime: string;
  readonly endTime: string;
}

export interface SlotPatternInput {
  readonly startTime: string;
  readonly endTime: string;
  readonly meetingMinutes: number;
  readonly bufferMinutes: number;
  readonly breaks?: readonly BreakWindow[];
  /** Slots starting before this time are 'am', the others 'pm'. */
  readonly afternoonFrom?: string;
}

export interface PatternSlot {
  readonly position: number; // from 1
  readonly startTime: string;
  readonly endTime: string;
  readonly session: Session;
}

/**
 * Bad input for the event's structure. `field` names the offending field (e.g. `breaks[1].endTime`);
 * `key` and `params` let a page show the message in the reader's language.
 */
export class EventSetupError extends DomainError {
  override name = 'EventSetupError';
  constructor(field: string, key: string, params: MessageParams = {}) {
    super('invalid', key, params, field);
  }
}

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function isTimeOfDay(value: unknown): value is string {
  return typeof value === 'string' && TIME.test(value);
}

/** Minutes since midnight of a valid 'HH:MM'; throws an EventSetupError naming `field` otherwise. */
export function parseTimeOfDay(value: unknown, field: string): number {
  if (!isTimeOfDay(value)) {
    throw new EventSetupError(field, 'eventSetup.error.time', { value: String(value) });
  }
  return Number(value.slice(0, 2)) * 60 + Number(value.slice(3, 5));
}

export function formatTimeOfDay(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return `${String(hours).padStart(2, '0')}:${String(rest).padStart(2, '0')}`;
}

/** The stable external id of a slot: day 1, position 3 → 'd1-03'. */
export function slotCode(dayIndex: number, position: number): string {
  return `d${dayIndex}-${String(position).padStart(2, '0')}`;
}

export function checkWholeNumber(value: unknown, field: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new EventSetupError(field, 'eventSetup.error.wholeNumber', { min, max, value: String(value) });
  }
  return value;
}

/**
 * The day's slots in order. A slot never overlaps a break: a meeting that would run into a break starts
 * when the break ends instead. The buffer follows every meeting; a break already gives that pause.
 */
export function generateSlots(input: SlotPatternInput): PatternSlot[] {
  const dayStart = parseTimeOfDay(input.startTime, 'startTime');
  const dayEnd = parseTimeOfDay(input.endTime, 'endTime');
  if (dayEnd <= dayStart) {
    throw new EventSetupError('endTime', 'eventSetup.error.endBeforeStart', {
      start: input.startTime,
      end: input.endTime,
    });
  }
  const meeting = checkWholeNumber(input.meetingMinutes, 'meetingMinutes', 5, 240);
  const buffer = checkWholeNumber(input.bufferMinutes, 'bufferMinutes', 0, 120);
  const afternoonFrom = parseTimeOfDay(input.afternoonFrom ?? '12:00', 'afternoonFrom');
  const breaks = checkBreaks(input.breaks ?? [], dayStart, dayEnd, input);

  const result: PatternSlot[] = [];
  let start = dayStart;
  while (start + meeting <= dayEnd) {
    const end = start + meeting;
    const clash = breaks.find((window) => window.start < end && window.end > start);
    if (clash) {
      start = clash.end;
      continue;
    }
    result.push({
      position: result.length + 1,
      startTime: formatTimeOfDay(start),
      endTime: formatTimeOfDay(end),
      session: start < afternoonFrom ? 'am' : 'pm',
    });
    start = end + buffer;
  }
  if (result.length === 0) {
    throw new EventSetupError('meetingMinutes', 'eventSetup.error.noSlot', {
      minutes: meeting,
      start: input.startTime,
      end: input.endTime,
    });
  }
  return result;
}

interface Window {
  readonly start: number;
  readonly end: number;
}

function checkBreaks(
  breaks: readonly BreakWindow[],
  dayStart: number,
  dayEnd: number,
  input: SlotPatternInput,
): Window[] {
  const windows = breaks.map((window, index) => {
    const start = parseTimeOfDay(window.startTime, `breaks[${index}].startTime`);
    const end = parseTimeOfDay(window.endTime, `breaks[${index}].endTime`);
    if (end <= start) {
      throw new EventSetupError(`breaks[${index}].endTime`, 'eventSetup.error.endBeforeStart', {
        start: window.startTime,
        end: window.endTime,
      });
    }
    if (start < dayStart || end > dayEnd) {
      throw new EventSetupError(`breaks[${index}].startTime`, 'eventSetup.error.breakOutsideDay', {
        start: window.startTime,
        end: window.endTime,
        dayStart: input.startTime,
        dayEnd: input.endTime,
      });
    }
    return { start, end, index };
  });
  const sorted = [...windows].sort((a, b) => a.start - b.start);
  for (let i = 1; i < sorted.length; i += 1) {
    const previous = sorted[i - 1]!;
    const current = sorted[i]!;
    if (current.start < previous.end) {
      throw new EventSetupError(`breaks[${current.index}].startTime`, 'eventSetup.error.breaksOverlap', {
        start: formatTimeOfDay(previous.start),
        end: formatTimeOfDay(previous.end),
      });
    }
  }
  return sorted;
}
