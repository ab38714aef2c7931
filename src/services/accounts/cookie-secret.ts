// The secret that signs cookies: SESSION_SECRET when set, else one generated on first start and kept in the
// database, so sessions survive a restart without any set-up.
import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/index.js';
import { storeSettingOnce } from '../../db/index.js';

const KEY = 'cookie_secret';

export function cookieSecret(db: Db, configured?: string): string {
  if (configured) return configured;
  return storeSettingOnce(db, KEY, randomBytes(32).toString('base64url'));
}
