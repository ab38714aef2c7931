// Why a meeting is not in the timetable, for organizers: one sentence per explanation code (and variant, see
// engine/explain.ts), filled from the explanation's params, plus the pieces those sentences are built from.
export const unscheduled = {
  ko: {
    'unscheduled.slots.one': '슬롯 1개',
    'unscheduled.slots.other': '슬롯 {count}개',
    'unscheduled.scope.session': '({session} 세션)',
    'unscheduled.scope.pinnedSlot': '(고정 슬롯 {slot})',
    'unscheduled.session.am': '오전',
    'unscheduled.session.pm': '오후',
    'unscheduled.more': '{list} 외 {count}건',
    'unscheduled.and': ' 및 ',
    'unscheduled.table.pinned': '고정 테이블 {table}',
    'unscheduled.table.booth': '{participant}의 부스 테이블 {table}',
    'unscheduled.booths': '({tables})',
    'unscheduled.heldAt': '{meeting}({slot})',
    'unscheduled.busyIn': '{participant}은(는) {meetings} 미팅 중',
    'unscheduled.takenBy': '{table} 테이블은 {meetings} 미팅이 사용 중',
    'unscheduled.fullOn': '{participant}(하루 최대 {cap}건) {days}',
    'unscheduled.obstacle.dayCap': '하루 최대 미팅 수에 도달한 날 {count}개',
    'unscheduled.obstacle.precedence': '먼저 열려야 하는 미팅보다 이른 시간 {count}개',
    'unscheduled.obstacle.busy': '한쪽이 다른 미팅 중 {count}개',
    'unscheduled.obstacle.tableTaken': '빈 테이블 없음 {count}개',
    'unscheduled.obstacle.breakCap': '공백 허용치 초과 {count}개',

    'unscheduled.reason.NO_COMMON_SLOT.unavailable': '{participant}은(는) 모든 슬롯{scope}에 참석할 수 없습니다.',
    'unscheduled.reason.NO_COMMON_SLOT.apart':
      '{participant}은(는) {other}이(가) 참석할 수 있는 {slots}{scope}에 모두 참석할 수 없습니다.',
    'unscheduled.reason.NO_COMMON_SLOT.busy':
      '{a}와(과) {b}의 빈 슬롯이 겹치지 않습니다. 두 기관이 모두 참석할 수 있는 {slots}{scope}에서 {busy}입니다.',
    'unscheduled.reason.NO_TABLE.noTables': '이 행사에는 테이블이 없습니다.',
    'unscheduled.reason.NO_TABLE.noneAvailable':
      '두 기관이 모두 참석할 수 있는 {slots}{scope}에 사용할 수 있는 테이블이 없습니다.',
    'unscheduled.reason.NO_TABLE.unavailable':
      '두 기관이 모두 참석할 수 있는 {slots}{scope}에 {tables}을(를) 사용할 수 없습니다.',
    'unscheduled.reason.NO_TABLE.taken': '두 기관이 모두 비어 있는 {slots}{scope}에 빈 테이블{booths}이 없습니다: {taken}.',
    'unscheduled.reason.MAX_MEETINGS': '{participant}은(는) 최대 미팅 수({cap})에 도달했습니다.',
    'unscheduled.reason.PRECEDENCE.unscheduled': '먼저 열려야 하는 미팅이 편성되지 않았습니다: {meetings}.',
    'unscheduled.reason.PRECEDENCE.tooLate':
      '{meetings} 미팅(슬롯 {slot}) 뒤에 열려야 하는데, 두 기관이 모두 참석할 수 있는 {slots}{scope} 중 그보다 늦은 슬롯이 없습니다.',
    'unscheduled.reason.MAX_PER_DAY':
      '두 기관이 모두 참석할 수 있는 {slots}{scope}의 모든 날짜에 하루 최대 미팅 수가 찼습니다: {full}.',
    'unscheduled.reason.PIN_TAKEN.slotBusy': '고정 슬롯 {slot}에 이미 다른 미팅이 있습니다: {busy}.',
    'unscheduled.reason.PIN_TAKEN.tableTaken': '고정 테이블 {table}은(는) 이미 사용 중입니다: {taken}.',
    'unscheduled.reason.PIN_TAKEN.slotTables': '고정 슬롯 {slot}에는 빈 테이블이 없습니다: {taken}.',
    'unscheduled.reason.BREAK_CAP':
      '두 기관이 모두 참석할 수 있는 {slots}{scope} 중 비어 있는 어느 슬롯에 배치해도 {participants}의 공백이 허용치({cap})를 넘습니다.',
    'unscheduled.reason.NEEDS_MOVES':
      '다른 미팅을 옮겨야 배치할 수 있습니다. 두 기관이 모두 참석할 수 있는 {slots}{scope}: {obstacles}.',
    'unscheduled.reason.NOT_PLACED':
      '다른 미팅을 옮기지 않아도 배치할 수 있습니다. 슬롯 {slot}의 {table} 테이블이 {a}와(과) {b} 모두에게 비어 있습니다.',
    'unscheduled.reason.MANUAL': '주최자가 편성에서 뺐습니다.',
  },
  en: {
    'unscheduled.slots.one': '1 slot',
    'unscheduled.slots.other': '{count} slots',
    'unscheduled.scope.session': ' in the {session} session',
    'unscheduled.scope.pinnedSlot': ' (pinned slot {slot})',
    'unscheduled.session.am': 'morning',
    'unscheduled.session.pm': 'afternoon',
    'unscheduled.more': '{list} and {count} more',
    'unscheduled.and': ' and ',
    'unscheduled.table.pinned': 'pinned table {table}',
    'unscheduled.table.booth': 'fixed table {table} of {participant}',
    'unscheduled.booths': ' ({tables})',
    'unscheduled.heldAt': '{meeting} ({slot})',
    'unscheduled.busyIn': '{participant} is in {meetings}',
    'unscheduled.takenBy': '{table} is used by {meetings}',
    'unscheduled.fullOn': '{participant} (at most {cap} a day) on {days}',
    'unscheduled.obstacle.dayCap': '{count} on a day where a daily meeting limit is reached',
    'unscheduled.obstacle.precedence': '{count} too early for the meetings it must follow',
    'unscheduled.obstacle.busy': '{count} with a participant in another meeting',
    'unscheduled.obstacle.tableTaken': '{count} with no free table',
    'unscheduled.obstacle.breakCap': '{count} over the break limit',

    'unscheduled.reason.NO_COMMON_SLOT.unavailable': '{participant} is unavailable in every slot{scope}.',
    'unscheduled.reason.NO_COMMON_SLOT.apart': '{participant} is unavailable in all {slots} {other} can attend{scope}.',
    'unscheduled.reason.NO_COMMON_SLOT.busy':
      '{a} and {b} have no free slot in common: of the {slots} both can attend{scope}, {busy}.',
    'unscheduled.reason.NO_TABLE.noTables': 'The event has no tables.',
    'unscheduled.reason.NO_TABLE.noneAvailable': 'No table is available in the {slots} both can attend{scope}.',
    'unscheduled.reason.NO_TABLE.unavailable': 'Not available in the {slots} both can attend{scope}: {tables}.',
    'unscheduled.reason.NO_TABLE.taken': 'No table is free in the {slots} both have free{scope}{booths}: {taken}.',
    'unscheduled.reason.MAX_MEETINGS': '{participant} has reached its maximum number of meetings ({cap}).',
    'unscheduled.reason.PRECEDENCE.unscheduled': 'It must come after meetings that are not scheduled: {meetings}.',
    'unscheduled.reason.PRECEDENCE.tooLate':
      'It must come after {meetings} (slot {slot}), and none of the {slots} both can attend{scope} is later.',
    'unscheduled.reason.MAX_PER_DAY':
      'The daily meeting limit is reached on every day of the {slots} both can attend{scope}: {full}.',
    'unscheduled.reason.PIN_TAKEN.slotBusy': 'Pinned slot {slot} is taken: {busy}.',
    'unscheduled.reason.PIN_TAKEN.tableTaken': 'Pinned table {table} is taken: {taken}.',
    'unscheduled.reason.PIN_TAKEN.slotTables': 'Every table at pinned slot {slot} is taken: {taken}.',
    'unscheduled.reason.BREAK_CAP':
      'Of the {slots} both can attend{scope}, every one still free would take {participants} over the break limit of {cap}.',
    'unscheduled.reason.NEEDS_MOVES':
      'Placing it needs other meetings moved: of the {slots} both can attend{scope}, {obstacles}.',
    'unscheduled.reason.NOT_PLACED':
      'It fits without moving anything: slot {slot} at table {table} is free for {a} and {b}.',
    'unscheduled.reason.MANUAL': 'Taken out of the timetable by an organizer.',
  },
};
