import t from 'tap';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { run } from '../../../src/cli/commands/links.js';
import type { CliIo } from '../../../src/cli/open-database.js';
import { openDatabase } from '../../../src/db/client.js';
import { lookupAccessLink } from '../../../src/services/links/access-links.js';
import { revokeLink } from '../../helpers/link-fixture.js';
import { createSmallEvent } from '../../helpers/event-fixture.js';

const dir = mkdtempSync(join(tmpdir(), 'meetgrid-staff-links-'));
t.teardown(() => rmSync(dir, { recursive: true, force: true }));
const path = join(dir, 'meetgrid.sqlite');
const seed = openDatabase(path);
const event = createSmallEvent(seed.db);
seed.close();

async function staffLinks(): Promise<Record<string, string>[]> {
  let stdout = '';
  const io: CliIo = {
    env: { LANG: 'en_US.UTF-8', MEETGRID_DB: path, PUBLIC_URL: 'https://meet.example.org/' },
    out: (text: string) => {
      stdout += text;
    },
    err: (text: string) => {
      throw new Error(`unexpected error output: ${text}`);
    },
  };
  const code = await run(['--event', 'small-event', '--staff'], io);
  if (code !== 0) throw new Error(`exit ${code}`);
  return parse(stdout, { columns: true }) as Record<string, string>[];
}

function tokenOf(url: string): string {
  return url.slice('https://meet.example.org/staff/'.length);
}

t.test('--staff prints the event-wide link and one per room, the same ones each time', async (t) => {
  const rows = await staffLinks();
  t.same(
    rows.map(({ scope, room_ko, room_en }) => ({ scope, room_ko, room_en })),
    [
      { scope: 'event', room_ko: '', room_en: '' },
      { scope: 'room', room_ko: '부스 홀', room_en: 'Booth Hall' },
      { scope: 'room', room_ko: '제1회의실', room_en: 'Meeting Room 1' },
    ],
  );
  t.same(await staffLinks(), rows, 'printed again, not issued again');

  const handle = openDatabase(path);
  t.teardown(() => handle.close());
  const [everywhere, booths, meetingRoom] = rows.map((row) => lookupAccessLink(handle.db, tokenOf(row.staff_link!)));
  t.equal(everywhere?.roomId, null);
  t.equal(booths?.roomId, event.roomIds[0]);
  t.equal(meetingRoom?.roomId, event.roomIds[1]);

  t.equal(revokeLink(handle.db, tokenOf(rows[1]!.staff_link!)), 'revoked');
  t.ok(booths);
  const after = await staffLinks();
  t.not(after[1]!.staff_link, rows[1]!.staff_link, 'a revoked link is replaced by a new one');
  t.equal(after[0]!.staff_link, rows[0]!.staff_link);
  t.equal(lookupAccessLink(handle.db, tokenOf(rows[1]!.staff_link!)), null);
  t.equal(lookupAccessLink(handle.db, tokenOf(after[1]!.staff_link!))?.roomId, event.roomIds[0]);
});
