// The real web app on a private in-memory database, plus a cookie jar and form helpers for app.inject tests.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { openDatabase, type DbHandle } from '../../src/db/client.js';
import { loadConfig, type Config } from '../../src/config.js';
import { buildApp } from '../../src/web/app.js';
import { createOrganizer } from '../../src/services/accounts/organizer-accounts.js';

export interface TestApp {
  readonly app: FastifyInstance;
  readonly handle: DbHandle;
  close(): Promise<void>;
}

export async function createTestApp(
  options: { now?: () => Date; config?: Partial<Config>; handle?: DbHandle } = {},
): Promise<TestApp> {
  const handle = options.handle ?? openDatabase(':memory:');
  const config = { ...loadConfig({}), sessionSecret: 'test-secret-test-secret-test-secret', ...options.config };
  const app = await buildApp({ db: handle, config, ...(options.now ? { now: options.now } : {}) });
  return {
    app,
    handle,
    close: async () => {
      await app.close();
      handle.close();
    },
  };
}

/** Keeps cookies between injected requests like a browser (name → value; expired ones removed). */
export class CookieJar {
  readonly values = new Map<string, string>();

  store(response: LightMyRequestResponse): void {
    for (const cookie of response.cookies as { name: string; value: string; expires?: Date; maxAge?: number }[]) {
      // Cleared cookies carry the 1970 epoch; tests with their own clock set real expiries in the past or future.
      const expired = (cookie.expires && cookie.expires.getTime() <= 0) || cookie.maxAge === 0;
      if (expired || cookie.value === '') this.values.delete(cookie.name);
      else this.values.set(cookie.name, cookie.value);
    }
  }

  header(): string {
    return [...this.values].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

/** The `_csrf` hidden field of the first form in an HTML page. */
export function csrfTokenOf(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match?.[1]) throw new Error('no _csrf field on the page');
  return match[1];
}

/** A browser-like client: GETs a page, then posts a form with that page's CSRF token and the jar's cookies. */
export class Browser {
  readonly jar = new CookieJar();

  constructor(
    readonly app: FastifyInstance,
    readonly language = 'en',
  ) {}

  async get(url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const response = await this.app.inject({
      method: 'GET',
      url,
      headers: { 'accept-language': this.language, cookie: this.jar.header(), ...headers },
    });
    this.jar.store(response);
    return response;
  }

  /** A valid CSRF token (every layout page has one, in the language switch). */
  async csrfToken(): Promise<string> {
    const login = await this.get('/login');
    return csrfTokenOf(login.statusCode === 200 ? login.body : (await this.get('/account/password')).body);
  }

  /**
   * Posts `fields` as a urlencoded form with a CSRF token: `csrf` if given (null: none), else the one on
   * `formPage`, else a fresh one.
   */
  async post(
    url: string,
    fields: Record<string, string>,
    options: { formPage?: string; csrf?: string | null } = {},
  ): Promise<LightMyRequestResponse> {
    let csrf = options.csrf;
    if (csrf === undefined) csrf = options.formPage ? csrfTokenOf((await this.get(options.formPage)).body) : await this.csrfToken();
    const body = new URLSearchParams(csrf === null ? fields : { ...fields, _csrf: csrf }).toString();
    const response = await this.app.inject({
      method: 'POST',
      url,
      payload: body,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'accept-language': this.language,
        cookie: this.jar.header(),
      },
    });
    this.jar.store(response);
    return response;
  }

  /** Logs in through the real form; returns the POST /login response. */
  async login(email: string, password: string): Promise<LightMyRequestResponse> {
    return this.post('/login', { email, password });
  }
}

export const ORGANIZER = { email: 'organizer@example.com', password: 'correct horse battery' } as const;

/** Creates an organizer account and a browser logged in as them. */
export async function loggedInBrowser(testApp: TestApp, language = 'en'): Promise<Browser> {
  await createOrganizer(testApp.handle.db, ORGANIZER);
  const browser = new Browser(testApp.app, language);
  const response = await browser.login(ORGANIZER.email, ORGANIZER.password);
  if (response.statusCode !== 303) throw new Error(`log-in failed with ${response.statusCode}`);
  return browser;
}
