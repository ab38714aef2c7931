import t from 'tap';
import { LANGUAGES } from '../../../src/i18n/catalog.js';
import { localizedReason, type ReasonNames } from '../../../src/services/scheduling/unscheduled-reasons.js';

const organizations: Record<string, string> = { 'org-a': 'Alpha', 'org-b': 'Beta', 'org-c': 'Gamma', 'org-d': 'Delta' };
const meetings: Record<string, string> = { ac: 'Alpha – Gamma', bd: 'Beta – Delta', cd: 'Gamma – Delta' };
const names: ReasonNames = {
  organization: (code) => organizations[code] ?? code,
  meeting: (id) => meetings[id] ?? id,
};

const busy = { busyParticipants: ['org-a', 'org-b'], busyMeetings: ['ac', 'bd'], busySlots: ['s1', 's2'] };
const taken = { takenTables: ['T1', 'T1'], takenMeetings: ['cd', 'ce'], takenSlots: ['s1', 's2'] };

// The params explain.ts gives for each code and variant (test/engine/explain.test.ts pins them).
const CASES: readonly [string, Record<string, unknown>][] = [
  ['NO_COMMON_SLOT', { variant: 'unavailable', participant: 'org-a', session: 'am' }],
  ['NO_COMMON_SLOT', { variant: 'apart', participant: 'org-b', other: 'org-a', count: 3 }],
  ['NO_COMMON_SLOT', { variant: 'busy', a: 'org-a', b: 'org-b', count: 2, session: 'am', ...busy }],
  ['NO_TABLE', { variant: 'noTables' }],
  ['NO_TABLE', { variant: 'noneAvailable', count: 1, pinnedSlot: 's2' }],
  ['NO_TABLE', { variant: 'unavailable', count: 5, boothParticipants: ['org-a', 'org-b'], boothTables: ['T-A', 'T-B'] }],
  ['NO_TABLE', { variant: 'unavailable', count: 5, pinnedTable: 'T-B' }],
  ['NO_TABLE', { variant: 'taken', count: 2, session: 'pm', boothParticipants: ['org-b'], boothTables: ['T-B'], ...taken }],
  ['MAX_MEETINGS', { participant: 'org-b', cap: 1 }],
  ['PRECEDENCE', { variant: 'unscheduled', meetings: ['cd'] }],
  ['PRECEDENCE', { variant: 'tooLate', meetings: ['cd'], slot: 's5', count: 5 }],
  ['MAX_PER_DAY', { count: 5, fullParticipants: ['org-a', 'org-b'], fullCaps: ['1', '1'], fullDays: ['2025-05-28', '2025-05-29'] }],
  ['PIN_TAKEN', { variant: 'slotBusy', slot: 's2', busyParticipants: ['org-a'], busyMeetings: ['ac'], busySlots: ['s2'] }],
  ['PIN_TAKEN', { variant: 'tableTaken', table: 'T-B', ...taken }],
  ['PIN_TAKEN', { variant: 'slotTables', slot: 's3', ...taken }],
  ['BREAK_CAP', { cap: 0, participants: ['org-a'], count: 2, session: 'pm' }],
  ['NEEDS_MOVES', { count: 2, session: 'am', busy: 1, tableTaken: 1 }],
  ['NOT_PLACED', { slot: 's1', table: 'T-A', a: 'org-a', b: 'org-b' }],
  ['MANUAL', {}],
];

const word = (language: 'ko' | 'en', code: string, params: unknown) =>
  localizedReason(language, { code, reason: 'stored English', params: JSON.stringify(params) }, names);

t.test('every code and variant has a full sentence in both languages', (t) => {
  for (const [code, params] of CASES) {
    for (const language of LANGUAGES) {
      const text = word(language, code, params);
      const label = `${language} ${code} ${String(params.variant ?? '')}: ${text}`;
      t.not(text, 'stored English', label);
      t.notMatch(text, /\{\w+\}|unscheduled\.|undefined/, label);
      t.notMatch(text, /org-/, `${label} names organizations, not codes`);
    }
  }
  t.end();
});

t.test('sentences name organizations and meetings, group blockers and word sessions', (t) => {
  t.equal(word('en', ...CASES[2]!), 'Alpha and Beta have no free slot in common: of the 2 slots both can attend in the morning session, Alpha is in Alpha – Gamma (s1); Beta is in Beta – Delta (s2).');
  t.equal(word('ko', ...CASES[2]!), 'Alpha와(과) Beta의 빈 슬롯이 겹치지 않습니다. 두 기관이 모두 참석할 수 있는 슬롯 2개(오전 세션)에서 Alpha은(는) Alpha – Gamma(s1) 미팅 중; Beta은(는) Beta – Delta(s2) 미팅 중입니다.');
  t.equal(word('en', ...CASES[4]!), 'No table is available in the 1 slot both can attend (pinned slot s2).');
  t.equal(word('en', ...CASES[5]!), 'Not available in the 5 slots both can attend: fixed table T-A of Alpha and fixed table T-B of Beta.');
  t.equal(word('ko', ...CASES[7]!), '두 기관이 모두 비어 있는 슬롯 2개(오후 세션)에 빈 테이블(Beta의 부스 테이블 T-B)이 없습니다: T1 테이블은 Gamma – Delta(s1), ce(s2) 미팅이 사용 중.');
  t.equal(word('en', ...CASES[11]!), 'The daily meeting limit is reached on every day of the 5 slots both can attend: Alpha (at most 1 a day) on 2025-05-28; Beta (at most 1 a day) on 2025-05-29.');
  t.equal(word('ko', ...CASES[16]!), '다른 미팅을 옮겨야 배치할 수 있습니다. 두 기관이 모두 참석할 수 있는 슬롯 2개(오전 세션): 한쪽이 다른 미팅 중 1개, 빈 테이블 없음 1개.');
  t.equal(word('ko', ...CASES[8]!), 'Beta은(는) 최대 미팅 수(1)에 도달했습니다.');
  t.end();
});

t.test('long lists name five and count the rest, like the English reason', (t) => {
  const many = ['m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7'];
  t.equal(word('en', 'PRECEDENCE', { variant: 'unscheduled', meetings: many }), 'It must come after meetings that are not scheduled: m1, m2, m3, m4, m5 and 2 more.');
  t.equal(word('ko', 'PRECEDENCE', { variant: 'unscheduled', meetings: many }), '먼저 열려야 하는 미팅이 편성되지 않았습니다: m1, m2, m3, m4, m5 외 2건.');
  t.end();
});

t.test('without params, with broken params or an unknown code or variant, the stored reason shows', (t) => {
  const stored = (code: string, params: string | null) => localizedReason('ko', { code, reason: 'stored English', params }, names);
  t.equal(stored('NO_COMMON_SLOT', null), 'stored English', 'a row from before params were kept');
  t.equal(stored('NO_COMMON_SLOT', '{not json'), 'stored English');
  t.equal(stored('NO_COMMON_SLOT', '[1]'), 'stored English');
  t.equal(stored('NO_COMMON_SLOT', '{"variant":"elsewhere"}'), 'stored English');
  t.equal(stored('NOT_PLANNED', '{}'), 'stored English');
  t.end();
});
