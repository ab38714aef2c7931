// Reading one cell. Each reader returns the value or the message key saying what is wrong with it; Korean
// spellings that Excel users type are accepted beside the English codes.
import type { Language, RequestStatus } from '../../db/index.js';

export type Cell<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly key: string };

const ok = <T>(value: T): Cell<T> => ({ ok: true, value });
const bad = (key: string): Cell<never> => ({ ok: false, key });

function lookup<T>(table: Readonly<Record<string, T>>, raw: string, key: string): Cell<T> {
  const value = table[raw.trim().toLowerCase()];
  return value === undefined ? bad(key) : ok(value);
}

export type OrganizationKind = 'corporate' | 'startup';

const KINDS: Readonly<Record<string, OrganizationKind>> = {
  corporate: 'corporate',
  corp: 'corporate',
  기업: 'corporate',
  대기업: 'corporate',
  수요기업: 'corporate',
  startup: 'startup',
  스타트업: 'startup',
};

export const readKind = (raw: string) => lookup(KINDS, raw, 'organizerData.csv.error.badKind');

const LANGUAGE_NAMES: Readonly<Record<string, Language>> = {
  ko: 'ko',
  kr: 'ko',
  korean: 'ko',
  한국어: 'ko',
  국문: 'ko',
  en: 'en',
  english: 'en',
  영어: 'en',
  영문: 'en',
};

export const readLanguage = (raw: string): Cell<Language> =>
  raw.trim() === '' ? ok('ko') : lookup(LANGUAGE_NAMES, raw, 'organizerData.csv.error.badLanguage');

const STATUSES: Readonly<Record<string, RequestStatus>> = {
  requested: 'requested',
  요청: 'requested',
  신청: 'requested',
  accepted: 'accepted',
  수락: 'accepted',
  승인: 'accepted',
  declined: 'declined',
  거절: 'declined',
  거부: 'declined',
};

export const readStatus = (raw: string): Cell<RequestStatus> =>
  raw.trim() === '' ? ok('requested') : lookup(STATUSES, raw, 'organizerData.csv.error.badStatus');

export type Session = 'am' | 'pm';

const SESSIONS: Readonly<Record<string, Session>> = { am: 'am', 오전: 'am', pm: 'pm', 오후: 'pm' };

export const readSession = (raw: string): Cell<Session | null> =>
  raw.trim() === '' ? ok(null) : lookup(SESSIONS, raw, 'organizerData.csv.error.badSession');

/** An optional cap: empty means none; otherwise a whole number from 0. */
export function readCap(raw: string): Cell<number | null> {
  const text = raw.trim();
  if (text === '') return ok(null);
  if (!/^\d{1,6}$/.test(text)) return bad('organizerData.csv.error.badNumber');
  return ok(Number(text));
}

/** Whole number from 1, larger is more important (as in the problem format); empty means 1. */
export function readPriority(raw: string): Cell<number> {
  const text = raw.trim();
  if (text === '') return ok(1);
  if (!/^\d{1,6}$/.test(text) || Number(text) < 1) return bad('organizerData.csv.error.badPriority');
  return ok(Number(text));
}

const EMAIL = /^[^\s@,;<>"]+@[^\s@,;<>"]+\.[^\s@,;<>".]{2,}$/;

export function readEmail(raw: string): Cell<string> {
  const text = raw.trim();
  if (text === '') return ok('');
  return EMAIL.test(text) ? ok(text) : bad('organizerData.csv.error.badEmail');
}

// Stable external ids end up in problem files, URLs and file names, so they stay plain.
const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export function readCode(raw: string): Cell<string> {
  const text = raw.trim();
  if (text === '') return bad('organizerData.csv.error.missingValue');
  return CODE.test(text) ? ok(text) : bad('organizerData.csv.error.badCode');
}
