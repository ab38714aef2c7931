import t from 'tap';
import { nowAndNext, type TimedSlot } from '../../src/domain/now-next.js';

// Two event days with a gap day between them, in Seoul (UTC+9, no daylight saving): 20-minute meetings with a
// 5-minute buffer, lunch 12:00–13:00.
const TIMES = [
  ['10:00', '10:20'],
  ['10:25', '10:45'],
  ['11:40', '12:00'],
  ['13:00', '13:20'],
  ['14:40', '15:00'],
] as const;
const DATES = ['2025-05-28', '2025-05-30'];
const SLOTS: TimedSlot[] = DATES.flatMap((date, day) =>
  TIMES.map(([startTime, endTime], index) => ({ id: day * 10 + index + 1, date, startTime, endTime })),
);

/** The instant of a Seoul wall-clock time. */
function seoul(date: string, time: string): Date {
  return new Date(`${date}T${time}+09:00`);
}

function at(date: string, time: string) {
  const result = nowAndNext(SLOTS, 'Asia/Seoul', seoul(date, time));
  return { phase: result.phase, current: result.current?.id ?? null, next: result.next?.id ?? null };
}

t.test('before the event and before the first slot of a day', async (t) => {
  t.same(at('2025-05-27', '23:59:59'), { phase: 'beforeEvent', current: null, next: 1 });
  t.same(at('2025-05-28', '00:00'), { phase: 'beforeDay', current: null, next: 1 });
  t.same(at('2025-05-28', '09:59:59'), { phase: 'beforeDay', current: null, next: 1 });
});

t.test('a slot is on from its start until just before its end', async (t) => {
  t.same(at('2025-05-28', '10:00'), { phase: 'inSlot', current: 1, next: 2 });
  t.same(at('2025-05-28', '10:19:59'), { phase: 'inSlot', current: 1, next: 2 });
  t.same(at('2025-05-28', '10:20'), { phase: 'betweenSlots', current: null, next: 2 }, 'the buffer');
  t.same(at('2025-05-28', '10:25'), { phase: 'inSlot', current: 2, next: 3 });
});

t.test('lunch is a gap between slots with the afternoon slot next', async (t) => {
  t.same(at('2025-05-28', '12:00'), { phase: 'betweenSlots', current: null, next: 4 });
  t.same(at('2025-05-28', '12:59:59'), { phase: 'betweenSlots', current: null, next: 4 });
  t.same(at('2025-05-28', '13:00'), { phase: 'inSlot', current: 4, next: 5 });
});

t.test('after the last slot of a day the next day opens the list', async (t) => {
  t.same(at('2025-05-28', '14:40'), { phase: 'inSlot', current: 5, next: 11 }, 'last slot: next is tomorrow');
  t.same(at('2025-05-28', '15:00'), { phase: 'afterDay', current: null, next: 11 });
  t.same(at('2025-05-29', '11:00'), { phase: 'betweenDays', current: null, next: 11 }, 'a date without slots');
  t.same(at('2025-05-30', '09:00'), { phase: 'beforeDay', current: null, next: 11 });
});

t.test('after the event', async (t) => {
  t.same(at('2025-05-30', '14:59'), { phase: 'inSlot', current: 15, next: null });
  t.same(at('2025-05-30', '15:00'), { phase: 'afterEvent', current: null, next: null });
  t.same(at('2025-06-02', '10:00'), { phase: 'afterEvent', current: null, next: null });
});

t.test('the day boundary is the event zone midnight, not UTC', async (t) => {
  // 2025-05-28 00:30 UTC is 09:30 in Seoul: the first event day, before its first slot.
  const result = nowAndNext(SLOTS, 'Asia/Seoul', new Date('2025-05-28T00:30:00Z'));
  t.equal(result.localDate, '2025-05-28');
  t.equal(result.localTime, '09:30');
  t.equal(result.phase, 'beforeDay');
  // 2025-05-28 01:05 UTC is 10:05 in Seoul: slot 1 is on.
  t.equal(nowAndNext(SLOTS, 'Asia/Seoul', new Date('2025-05-28T01:05:00Z')).current?.id, 1);
  // In UTC the same instant is still before the event day's first slot.
  t.equal(nowAndNext(SLOTS, 'UTC', new Date('2025-05-28T01:05:00Z')).phase, 'beforeDay');
});

t.test('slots given out of order and an empty list', async (t) => {
  const shuffled = [...SLOTS].reverse();
  t.equal(nowAndNext(shuffled, 'Asia/Seoul', seoul('2025-05-28', '10:21')).next?.id, 2);
  t.same(nowAndNext([], 'Asia/Seoul', seoul('2025-05-28', '10:00')).phase, 'afterEvent');
  t.throws(() => nowAndNext(SLOTS, 'Mars/Olympus', new Date()), /time zone/);
});
