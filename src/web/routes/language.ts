// POST /language: the switcher in the layout. Remembered in a cookie, and for an organizer in the account too.
import type { FastifyInstance } from 'fastify';
import { LANGUAGES, type Language } from '../../i18n/index.js';
import { setOrganizerLanguage } from '../../services/accounts/index.js';
import { setLanguageCookie } from '../plugins/i18n.js';
import { localPath } from '../safe-redirect.js';

export default async function language(app: FastifyInstance): Promise<void> {
  app.post<{ Body: { lang: Language; next?: string } }>(
    '/language',
    {
      schema: {
        body: {
          type: 'object',
          required: ['lang'],
          properties: {
            lang: { type: 'string', enum: [...LANGUAGES] },
            next: { type: 'string', maxLength: 2000 },
          },
        },
      },
    },
    async (request, reply) => {
      const { lang } = request.body;
      setLanguageCookie(reply, lang);
      if (request.user) setOrganizerLanguage(app.db, request.user.id, lang);
      return reply.redirect(localPath(request.body.next), 303);
    },
  );
}
