// POST /language: the switcher in the layout. Remembered in a cookie, and for an organizer in the account too.
import { Type } from 'typebox';
import { setOrganizerLanguage } from '../../services/accounts/index.js';
import { setLanguageCookie } from '../plugins/i18n.js';
import { localPath } from '../safe-redirect.js';
import { Csrf, LanguageField, type TypedApp } from '../schemas.js';

const LanguageBody = Type.Object({ lang: LanguageField, next: Type.Optional(Type.String({ maxLength: 2000 })), _csrf: Csrf });

export default async function language(app: TypedApp): Promise<void> {
  app.post(
    '/language',
    { schema: { body: LanguageBody } },
    async (request, reply) => {
      const { lang } = request.body;
      setLanguageCookie(reply, lang);
      if (request.user) setOrganizerLanguage(app.db, request.user.id, lang);
      return reply.redirect(localPath(request.body.next), 303);
    },
  );
}
