import t from 'tap';
import { parseArgs } from '../../src/cli/event-args.js';

t.test('value options, inline or as the next argument, and bare flags', (t) => {
  const parsed = parseArgs(['--event', 'expo', '--format=csv', '--dry-run'], ['--event', '--format'], ['--dry-run']);
  t.ok(parsed.ok);
  if (!parsed.ok) return t.end();
  t.same([...parsed.args.values], [['--event', 'expo'], ['--format', 'csv']]);
  t.same([...parsed.args.flags], ['--dry-run']);
  t.end();
});

t.test('bad usage names the option', (t) => {
  t.same(parseArgs(['--event'], ['--event'], []), { ok: false, problem: { key: 'organizerSchedule.cli.missingValue', option: '--event' } });
  t.same(parseArgs(['--event='], ['--event'], []), { ok: false, problem: { key: 'organizerSchedule.cli.missingValue', option: '--event' } });
  t.same(parseArgs(['--nope'], ['--event'], []), { ok: false, problem: { key: 'organizerSchedule.cli.unknownOption', option: '--nope' } });
  t.same(parseArgs(['--dry-run=yes'], [], ['--dry-run']), { ok: false, problem: { key: 'organizerSchedule.cli.unknownOption', option: '--dry-run=yes' } }, 'a flag takes no value');
  t.end();
});
