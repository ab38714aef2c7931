import t from 'tap';
import { DomainError, type RefusalCode } from '../../../src/domain/index.js';
import { LoginRequiredError } from '../../../src/web/plugins/errors.js';
import { createTestApp } from '../../helpers/web-app.js';

const EXPECTED: Readonly<Record<RefusalCode, number>> = {
  invalid: 400,
  not_found: 404,
  conflict: 409,
  forbidden: 403,
  unavailable: 409,
};

t.test('each refusal code becomes its status, as a page in the visitor’s language or as JSON', async (t) => {
  const testApp = await createTestApp();
  t.teardown(testApp.close);
  for (const code of Object.keys(EXPECTED) as RefusalCode[]) {
    testApp.app.get(`/refuse/${code}`, async () => {
      throw new DomainError(code, 'shell.error.badInput.body', {}, 'email');
    });
  }
  for (const [code, status] of Object.entries(EXPECTED)) {
    const page = await testApp.app.inject({ url: `/refuse/${code}`, headers: { 'accept-language': 'en' } });
    t.equal(page.statusCode, status, `${code} is ${status}`);
    t.match(page.headers['content-type'], 'text/html');
    t.match(page.body, 'The value of &quot;email&quot; is not valid.', 'the field fills the message');
    const json = await testApp.app.inject({
      url: `/refuse/${code}`,
      headers: { accept: 'application/json', 'accept-language': 'en' },
    });
    t.equal(json.statusCode, status);
    t.same(json.json(), { statusCode: status, error: code.toUpperCase(), message: 'The value of "email" is not valid.' });
  }
});

t.test('a refusal about the session is a 401 asking to log in', async (t) => {
  const testApp = await createTestApp();
  t.teardown(testApp.close);
  testApp.app.get('/private', async () => {
    throw new LoginRequiredError();
  });
  const response = await testApp.app.inject({ url: '/private', headers: { accept: 'application/json', 'accept-language': 'en' } });
  t.equal(response.statusCode, 401);
  t.equal(response.json().error, 'LOGIN_REQUIRED');
});
