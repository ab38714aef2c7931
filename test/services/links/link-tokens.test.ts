import t from 'tap';
import { createHash } from 'node:crypto';
import {
  agendaUrl,
  deriveToken,
  isWellFormedToken,
  participantHolder,
  staffHolder,
  staffUrl,
  tokenHash,
} from '../../../src/services/links/link-tokens.js';

t.test('a derived token is well-formed, the same for the same inputs, and new for the next generation', (t) => {
  const first = deriveToken('secret', participantHolder(7), 0);
  t.ok(isWellFormedToken(first));
  t.equal(deriveToken('secret', participantHolder(7), 0), first);
  t.not(deriveToken('secret', participantHolder(7), 1), first);
  t.not(deriveToken('other', participantHolder(7), 0), first);
  t.not(deriveToken('secret', staffHolder(1, null), 0), deriveToken('secret', staffHolder(1, 3), 0));
  t.equal(tokenHash(first), createHash('sha256').update(first).digest('hex'));
  t.notOk(isWellFormedToken(`${first}=`));
  t.end();
});

t.test('link addresses ignore trailing slashes of the public URL', (t) => {
  t.equal(agendaUrl('https://x.org//', 'abc'), 'https://x.org/agenda/abc');
  t.equal(staffUrl('https://x.org', 'abc'), 'https://x.org/staff/abc');
  t.end();
});
