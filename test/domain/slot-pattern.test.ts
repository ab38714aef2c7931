import t from 'tap';
import {
  EventSetupError,
  formatTimeOfDay,
  generateSlots,
  parseTimeOfDay,
  slotCode,
} from '../../src/domain/slot-pattern.js';
import { translate } from '../../src/i18n/catalog.js';

const minutes = (time: string) => parseTimeOfDay(time, 'time');

t.test('a 10:00–17:00 day of 20-minute meetings, 5-minute buffer and a lunch break', (t) => {
  const slots = generateSlots({
    startTime: '10:00',
    endTime: '17:00',
    meetingMinutes: 20,
    bufferMinutes: 5,
    breaks: [{ startTime: '12:00', endTime: '13:00' }],
  });
  t.same(
    slots.map((slot) => `${slot.startTime}-${slot.endTime} ${slot.session}`),
    [
      '10:00-10:20 am',
      '10:25-10:45 am',
      '10:50-11:10 am',
      '11:15-11:35 am',
      '11:40-12:00 am',
      '13:00-13:20 pm',
      '13:25-13:45 pm',
      '13:50-14:10 pm',
      '14:15-14:35 pm',
      '14:40-15:00 pm',
      '15:05-15:25 pm',
      '15:30-15:50 pm',
      '15:55-16:15 pm',
      '16:20-16:40 pm',
    ],
  );
  t.same(
    slots.map((slot) => slot.position),
    slots.map((_, index) => index + 1),
  );
  t.end();
});

t.test('a meeting that would run into a break starts after it', (t) => {
  const slots = generateSlots({
    startTime: '09:00',
    endTime: '11:00',
    meetingMinutes: 25,
    bufferMinutes: 5,
    breaks: [{ startTime: '09:45', endTime: '10:00' }],
  });
  t.same(
    slots.map((slot) => slot.startTime),
    ['09:00', '10:00', '10:30'],
    '09:30 would overlap the coffee break, so the next meeting starts at 10:00',
  );
  t.end();
});

t.test('no slot overlaps any break, none leaves the day, none overlaps another', (t) => {
  const cases = [
    { meetingMinutes: 20, bufferMinutes: 5 },
    { meetingMinutes: 25, bufferMinutes: 5 },
    { meetingMinutes: 30, bufferMinutes: 0 },
    { meetingMinutes: 15, bufferMinutes: 10 },
    { meetingMinutes: 45, bufferMinutes: 15 },
  ];
  const breaks = [
    { startTime: '10:30', endTime: '10:45' },
    { startTime: '12:10', endTime: '13:20' },
    { startTime: '15:00', endTime: '15:15' },
  ];
  for (const setup of cases) {
    const slots = generateSlots({ startTime: '09:30', endTime: '17:30', breaks, ...setup });
    let previousEnd = minutes('09:30');
    for (const slot of slots) {
      const start = minutes(slot.startTime);
      const end = minutes(slot.endTime);
      t.equal(end - start, setup.meetingMinutes, `${slot.startTime} lasts the meeting length`);
      t.ok(start >= previousEnd, `${slot.startTime} starts after the previous slot`);
      t.ok(end <= minutes('17:30'), `${slot.endTime} inside the day`);
      for (const window of breaks) {
        t.notOk(
          start < minutes(window.endTime) && end > minutes(window.startTime),
          `${slot.startTime} misses the break ${window.startTime}`,
        );
      }
      previousEnd = end;
    }
  }
  t.end();
});

t.test('afternoonFrom decides the session; breaks may come in any order', (t) => {
  const slots = generateSlots({
    startTime: '10:00',
    endTime: '12:00',
    meetingMinutes: 30,
    bufferMinutes: 0,
    afternoonFrom: '11:00',
    breaks: [
      { startTime: '11:40', endTime: '11:50' },
      { startTime: '10:30', endTime: '10:40' },
    ],
  });
  t.same(
    slots.map((slot) => `${slot.startTime} ${slot.session}`),
    ['10:00 am', '10:40 am', '11:10 pm'],
  );
  t.end();
});

t.test('a day that ends exactly at the end of a meeting keeps that meeting', (t) => {
  const slots = generateSlots({ startTime: '10:00', endTime: '10:45', meetingMinutes: 20, bufferMinutes: 5 });
  t.same(
    slots.map((slot) => slot.endTime),
    ['10:20', '10:45'],
  );
  t.end();
});

t.test('invalid input is refused with the field named', (t) => {
  const base = { startTime: '10:00', endTime: '17:00', meetingMinutes: 20, bufferMinutes: 5 };
  const refuse = (input: Record<string, unknown>, field: string, message: RegExp) => {
    try {
      generateSlots({ ...base, ...input } as never);
      t.fail(`accepted ${JSON.stringify(input)}`);
    } catch (error) {
      t.type(error, EventSetupError);
      t.equal((error as EventSetupError).field, field, `field for ${JSON.stringify(input)}`);
      const { key, params } = error as EventSetupError;
      t.match(translate('en', key, params), message);
      t.match((error as Error).message, new RegExp(`^${field.replace(/[[\]]/g, '\\$&')}: `));
    }
  };
  refuse({ startTime: '9:00' }, 'startTime', /HH:MM/);
  refuse({ endTime: '24:00' }, 'endTime', /HH:MM/);
  refuse({ endTime: '10:00' }, 'endTime', /after the start/);
  refuse({ meetingMinutes: 0 }, 'meetingMinutes', /whole number from 5 to 240/);
  refuse({ meetingMinutes: 12.5 }, 'meetingMinutes', /whole number/);
  refuse({ bufferMinutes: -5 }, 'bufferMinutes', /whole number from 0/);
  refuse({ afternoonFrom: 'noon' }, 'afternoonFrom', /HH:MM/);
  refuse({ breaks: [{ startTime: '12:00', endTime: '12:00' }] }, 'breaks[0].endTime', /after the start/);
  refuse({ breaks: [{ startTime: '12:00', endTime: '1300' }] }, 'breaks[0].endTime', /HH:MM/);
  refuse({ breaks: [{ startTime: '09:00', endTime: '10:30' }] }, 'breaks[0].startTime', /outside the day/);
  refuse({ breaks: [{ startTime: '16:30', endTime: '17:30' }] }, 'breaks[0].startTime', /outside the day/);
  refuse(
    {
      breaks: [
        { startTime: '12:00', endTime: '13:00' },
        { startTime: '12:30', endTime: '13:30' },
      ],
    },
    'breaks[1].startTime',
    /overlaps the break 12:00–13:00/,
  );
  refuse({ startTime: '10:00', endTime: '10:15' }, 'meetingMinutes', /not a single 20-minute meeting fits/);
  refuse(
    { startTime: '10:00', endTime: '11:00', breaks: [{ startTime: '10:15', endTime: '10:45' }] },
    'meetingMinutes',
    /not a single/,
  );
  t.end();
});

t.test('the error carries a catalog key so a page can show it in Korean', (t) => {
  try {
    generateSlots({ startTime: '10:00', endTime: '09:00', meetingMinutes: 20, bufferMinutes: 5 });
    t.fail('accepted an end before the start');
  } catch (error) {
    const { key, params } = error as EventSetupError;
    t.equal(translate('ko', key, params), '종료 시각(09:00)은 시작 시각(10:00)보다 늦어야 합니다');
  }
  t.end();
});

t.test('slot codes and time formatting', (t) => {
  t.equal(slotCode(1, 3), 'd1-03');
  t.equal(slotCode(2, 14), 'd2-14');
  t.equal(slotCode(10, 100), 'd10-100');
  t.equal(formatTimeOfDay(0), '00:00');
  t.equal(formatTimeOfDay(13 * 60 + 5), '13:05');
  t.equal(parseTimeOfDay('23:59', 'x'), 23 * 60 + 59);
  t.throws(() => parseTimeOfDay(930, 'startTime'), new EventSetupError('startTime', 'eventSetup.error.time'));
  t.end();
});
