// GET /events/:slug/import: the upload form and the CSV shapes; POST …/import/preview: what the file would change
// and every problem in it, saving nothing; POST …/import: the confirmed import, all or nothing. The preview carries
// the file itself to the confirmation (base64 in a hidden field), so the server keeps no upload between the steps.
// GET /events/:slug/export/participants.csv and requests.csv: the same shapes back, for Excel.
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { EventRow } from '../../../services/setup/index.js';
import { exportParticipants, exportRequests } from '../../../services/csv/index.js';
import { applyImport, previewImport, type ImportPreview } from '../../../services/csv/index.js';
import { CSV_KINDS, type CsvKind } from '../../../services/csv/index.js';
import { requireOrganizer } from '../../guards.js';
import { DomainError } from '../../../domain/index.js';
import { eventOf, pageBase, problemTexts, slugParams } from './page-context.js';

const MAX_FILE_BYTES = 2 * 1024 * 1024;

function uploadPage(request: FastifyRequest, reply: FastifyReply, event: EventRow, error: string | null) {
  return reply.page('organizer/import/index', {
    ...pageBase(request, event, 'import', 'organizerData.import.title'),
    error,
    notice: null,
  });
}

function previewPage(
  request: FastifyRequest,
  reply: FastifyReply,
  event: EventRow,
  preview: ImportPreview,
  data: { file: string; name: string; kind: string },
) {
  return reply.page('organizer/import/preview', {
    ...pageBase(request, event, 'import', 'organizerData.import.previewTitle'),
    preview,
    problems: problemTexts(request, preview.problems),
    file: data,
    error: preview.problems.length > 0 ? request.t('organizerData.import.rejected', { count: preview.problems.length }) : null,
    notice: null,
  });
}

function kindOf(value: unknown): CsvKind | undefined {
  return CSV_KINDS.find((kind) => kind === value);
}

export default async function importRoutes(app: FastifyInstance): Promise<void> {
  await app.register(multipart, { limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: 5 } });

  app.get('/events/:slug/import', { preHandler: requireOrganizer, schema: { params: slugParams } }, async (request, reply) =>
    uploadPage(request, reply, eventOf(request), null),
  );

  app.post('/events/:slug/import/preview', { preHandler: requireOrganizer, schema: { params: slugParams } }, async (request, reply) => {
    const event = eventOf(request);
    if (!request.isMultipart()) throw new DomainError('invalid', 'organizerData.import.noFile');
    const upload = await request.file();
    if (!upload || upload.filename === '') {
      reply.code(422);
      return uploadPage(request, reply, event, request.t('organizerData.import.noFile'));
    }
    let bytes: Buffer;
    try {
      bytes = await upload.toBuffer();
    } catch {
      reply.code(413);
      return uploadPage(request, reply, event, request.t('organizerData.import.tooLarge', { max: '2 MB' }));
    }
    const field = upload.fields.kind;
    const kindValue = field && !Array.isArray(field) && field.type === 'field' ? field.value : undefined;
    const kind = kindOf(kindValue);
    const preview = previewImport(app.db, event.id, bytes, kind);
    if (preview.problems.length > 0) reply.code(422);
    return previewPage(request, reply, event, preview, { file: bytes.toString('base64'), name: upload.filename, kind: kind ?? '' });
  });

  app.post<{ Body: { file: string; name?: string; kind?: string } }>(
    '/events/:slug/import',
    {
      preHandler: requireOrganizer,
      schema: {
        params: slugParams,
        body: {
          type: 'object',
          required: ['file'],
          properties: {
            file: { type: 'string', minLength: 1, maxLength: Math.ceil((MAX_FILE_BYTES * 4) / 3) + 4, pattern: '^[A-Za-z0-9+/=]+$' },
            name: { type: 'string', maxLength: 255 },
            kind: { type: 'string', enum: ['', ...CSV_KINDS] },
          },
        },
      },
    },
    async (request, reply) => {
      const event = eventOf(request);
      const bytes = Buffer.from(request.body.file, 'base64');
      const result = applyImport(app.db, event.id, bytes, kindOf(request.body.kind));
      if (!result.applied) {
        // The event changed since the preview (another organizer, another import): show the new problems.
        reply.code(409);
        return previewPage(request, reply, event, result, { file: request.body.file, name: request.body.name ?? '', kind: request.body.kind ?? '' });
      }
      return reply.page('organizer/import/done', {
        ...pageBase(request, event, 'import', 'organizerData.import.doneTitle'),
        result,
        name: request.body.name ?? '',
        error: null,
        notice: request.t('organizerData.import.done', { ...result.counts }),
      });
    },
  );

  for (const kind of CSV_KINDS) {
    app.get<{ Querystring: { headers?: 'en' | 'ko' } }>(
      `/events/:slug/export/${kind}.csv`,
      {
        preHandler: requireOrganizer,
        schema: { params: slugParams, querystring: { type: 'object', properties: { headers: { type: 'string', enum: ['en', 'ko'] } } } },
      },
      async (request, reply) => {
        const event = eventOf(request);
        const language = request.query.headers ?? 'en';
        const body = kind === 'participants' ? exportParticipants(app.db, event.id, language) : exportRequests(app.db, event.id, language);
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${event.slug}-${kind}.csv"`)
          .header('cache-control', 'no-store')
          .send(body);
      },
    );
  }
}
