// Messages of the `meetgrid solve` command.
export const solve = {
  ko: {
    'solve.usage':
      '사용법: meetgrid solve PROBLEM.json [--time-limit 초] [--seed N] [--previous FILE] [-o FILE] [--workers N] [--exact on|off]\n\n' +
      '문제 파일을 검사하고 일정을 만들어 JSON으로 씁니다 (기본: 표준 출력).\n' +
      '  --time-limit 초   탐색 시간 (기본 10)\n' +
      '  --seed N          첫 번째 시드 (기본 1); 작업자마다 N, N+1, …\n' +
      '  --previous FILE   재계획: 이 일정의 미팅을 가능한 한 그대로 둡니다\n' +
      '  -o FILE           일정을 이 파일에 씁니다\n' +
      '  --workers N       병렬 작업자 수 (기본: CPU 코어 수)\n' +
      '  --exact on|off    작업자가 둘 이상일 때 SAT 해법(CaDiCaL)으로 공백이 더 적은 일정을 찾고 하한을 증명해 최적임을 보입니다 (기본 on)\n',
    'solve.unknownOption': '알 수 없는 옵션 "{option}"',
    'solve.badSwitch': '옵션 {option}: "{value}"은(는) on 또는 off가 아닙니다',
    'solve.missingValue': '옵션 {option}에 값이 필요합니다',
    'solve.badNumber': '옵션 {option}: "{value}"은(는) {min} 이상의 수가 아닙니다',
    'solve.wrongArguments': '문제 파일 하나가 필요합니다 ({count}개를 받음)',
    'solve.problemInvalid': '{file}: 잘못된 문제 파일 (오류 {count}개):',
    'solve.previousInvalid': '{file}: {path}: 이전 일정의 형식이 아닙니다 ({expected} 필요)',
    'solve.progress': '{percent}% · 배정 {scheduled}/{meetings} · 공백 {breaks}',
    'solve.written': '{file}에 일정을 썼습니다: {status}, 배정 {scheduled}/{meetings}, 공백 {breaks}',
    'solve.writeFailed': '{file}: 쓸 수 없습니다 ({reason})',
    'solve.checkerRefused': '검사기가 해법의 일정을 거부했습니다 (위반 {count}건). 일정을 쓰지 않았습니다:',
  },
  en: {
    'solve.usage':
      'Usage: meetgrid solve PROBLEM.json [--time-limit SECONDS] [--seed N] [--previous FILE] [-o FILE] [--workers N] [--exact on|off]\n\n' +
      'Validates the problem, builds a schedule and writes it as JSON (standard output by default).\n' +
      '  --time-limit SECONDS  search time (default 10)\n' +
      '  --seed N              first seed (default 1); workers use N, N+1, …\n' +
      '  --previous FILE       re-planning: keep the meetings of this schedule where they are when possible\n' +
      '  -o FILE               write the schedule to this file\n' +
      '  --workers N           parallel workers (default: number of CPU cores)\n' +
      '  --exact on|off        with two workers or more, a SAT solver (CaDiCaL) looks for schedules with fewer\n' +
      '                        breaks and proves lower bounds, so the best one is proved optimal when it can be\n' +
      '                        (default on)\n',
    'solve.unknownOption': 'unknown option "{option}"',
    'solve.badSwitch': 'option {option}: "{value}" is not on or off',
    'solve.missingValue': 'option {option} needs a value',
    'solve.badNumber': 'option {option}: "{value}" is not a number >= {min}',
    'solve.wrongArguments': 'expected one problem file (got {count})',
    'solve.problemInvalid': '{file}: invalid problem ({count} errors):',
    'solve.previousInvalid': '{file}: {path}: not a previous schedule ({expected} expected)',
    'solve.progress': '{percent}% · scheduled {scheduled}/{meetings} · breaks {breaks}',
    'solve.written': 'schedule written to {file}: {status}, scheduled {scheduled}/{meetings}, breaks {breaks}',
    'solve.writeFailed': '{file}: cannot write ({reason})',
    'solve.checkerRefused': 'the checker refused the solver\'s schedule ({count} violations); nothing was written:',
  },
};
