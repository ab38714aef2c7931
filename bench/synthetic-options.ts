// The knobs of the synthetic event generator, its two presets, and the checks that name a bad knob.

/**
 * How the planted schedule lays out each participant's meetings on a day. `compact`: one run of consecutive slots
 * (a near-optimal timetable, the stronger reference). `scattered`: the same number of slots drawn at random among
 * the participant's available slots of that day, as a feasible but unoptimised timetable would be.
 */
export const LAYOUTS = ['scattered', 'compact'] as const;
export type SyntheticLayout = (typeof LAYOUTS)[number];

export interface SyntheticOptions {
  readonly name: string;
  readonly seed: number;
  readonly corporates: number;
  readonly startups: number;
  readonly days: number;
  /** Slots per day; the first half is the "am" session, the second "pm". */
  readonly slotsPerDay: number;
  /** Chance that a corporate / startup comes on a given day. */
  readonly corporateAttendance: number;
  readonly startupAttendance: number;
  /** Range of the run of slots a corporate / startup spends meeting on a day it comes. */
  readonly corporateRun: readonly [number, number];
  readonly startupRun: readonly [number, number];
  /** Share of participants unavailable for one half day. */
  readonly unavailableShare: number;
  /** Share of meetings restricted to the session they were planted in. */
  readonly sessionShare: number;
  /** Share of shared tables reserved (unavailable) in the slots of one day where the plan does not use them. */
  readonly reservedTableShare: number;
  /** Share of participants capped at their planted busiest day (maxMeetingsPerDay). */
  readonly capShare: number;
  readonly layout: SyntheticLayout;
}

export const PRESETS = {
  // ~5,000 participants, ~30,000 meetings, 3 days x 16 slots.
  large: {
    name: 'synthetic large event',
    seed: 1,
    corporates: 1000,
    startups: 4000,
    days: 3,
    slotsPerDay: 16,
    corporateAttendance: 0.85,
    startupAttendance: 0.6,
    corporateRun: [6, 14],
    startupRun: [2, 8],
    unavailableShare: 0.15,
    sessionShare: 0.05,
    reservedTableShare: 0.1,
    capShare: 0.05,
    layout: 'scattered',
  },
  // The GSAT 2025 shape: ~10 corporates with booths, ~40 startups, 2 days x 16 slots, well under 1,000 meetings.
  gsat: {
    name: 'synthetic GSAT-size event',
    seed: 1,
    corporates: 10,
    startups: 40,
    days: 2,
    slotsPerDay: 16,
    corporateAttendance: 1,
    startupAttendance: 0.9,
    corporateRun: [10, 16],
    startupRun: [4, 12],
    unavailableShare: 0.1,
    sessionShare: 0.05,
    reservedTableShare: 0.1,
    capShare: 0.05,
    layout: 'scattered',
  },
} as const satisfies Record<string, SyntheticOptions>;

export function checkOptions(o: SyntheticOptions): void {
  const whole: (keyof SyntheticOptions)[] = ['seed', 'corporates', 'startups', 'days', 'slotsPerDay'];
  for (const key of whole) {
    const value = o[key] as number;
    if (!Number.isInteger(value) || value < (key === 'seed' || key === 'corporates' ? 0 : 1)) {
      throw new Error(`${key}: must be a whole number${key === 'seed' || key === 'corporates' ? '' : ' >= 1'}, got ${value}`);
    }
  }
  if (o.slotsPerDay % 2 !== 0) throw new Error(`slotsPerDay: must be even (half am, half pm), got ${o.slotsPerDay}`);
  const shares: (keyof SyntheticOptions)[] = ['corporateAttendance', 'startupAttendance', 'unavailableShare', 'sessionShare', 'reservedTableShare', 'capShare'];
  for (const key of shares) {
    const value = o[key] as number;
    if (!(value >= 0 && value <= 1)) throw new Error(`${key}: must be between 0 and 1, got ${value}`);
  }
  for (const key of ['corporateRun', 'startupRun'] as const) {
    const [low, high] = o[key];
    if (!Number.isInteger(low) || !Number.isInteger(high) || low < 1 || high < low) {
      throw new Error(`${key}: must be [low, high] with 1 <= low <= high, got [${low}, ${high}]`);
    }
  }
  if (!(LAYOUTS as readonly string[]).includes(o.layout)) throw new Error(`layout: must be one of ${LAYOUTS.join(', ')}, got ${String(o.layout)}`);
}
