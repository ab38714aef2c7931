// /events/:slug/schedule: run the engine off the request path and follow it. Without JavaScript the page reloads
// itself (a meta refresh inside <noscript>) while a run is going; with it, public/js/schedule-progress.js polls the small JSON
// endpoint and moves the progress bar. A run can be cancelled; a finished one shows what it produced and, when a
// version is published, what moved.
import { Type } from 'typebox';
import type { Translator } from '../../../i18n/index.js';
import type { SchedulingJob } from '../../../services/scheduling/index.js';
import { workingVersion } from '../../../services/scheduling/index.js';
import { requireOrganizer } from '../../guards.js';
import { DomainError } from '../../../domain/index.js';
import { actorOf, eventName, eventNav, eventOf } from './event-context.js';
import { Csrf, Slug, SlugParams, type TypedApp } from '../../schemas.js';

const JobParams = Type.Object({ slug: Slug, job: Type.String({ pattern: '^[0-9a-f-]{36}$' }) });

const RunBody = Type.Object({ _csrf: Csrf, seconds: Type.Optional(Type.Integer({ minimum: 1, maximum: 120 })) });

function jobJson(job: SchedulingJob, t: Translator) {
  const percent = Math.round(job.progress.fraction * 100);
  return {
    id: job.id,
    status: job.status,
    percent,
    scheduled: job.progress.scheduled,
    text: t('organizerSchedule.schedule.progress', { percent, scheduled: job.progress.scheduled }),
    breaks: Number.isFinite(job.progress.breaks) ? job.progress.breaks : null,
    versionNumber: job.result?.version.number ?? null,
    error: job.error,
  };
}

export default async function runRoutes(app: TypedApp): Promise<void> {
  const jobs = app.schedulingJobs;

  app.get(
    '/events/:slug/schedule',
    { preHandler: requireOrganizer, schema: { params: SlugParams } },
    async (request, reply) => {
      const event = eventOf(app, request.params.slug);
      const job = jobs.latestFor(event.id);
      return reply.page('organizer/schedule/index', {
        title: request.t('organizerSchedule.schedule.title'),
        eventNav: eventNav(request, event, 'schedule'),
        eventName: eventName(request, event),
        slug: event.slug,
        job: job ? { ...jobJson(job, request.t), changes: job.result?.changes ?? null, stats: job.result?.schedule.stats ?? null } : null,
        version: workingVersion(app.db, event.id),
        styles: ['/static/css/timetable.css'],
        scripts: ['/static/js/schedule-progress.js'],
      });
    },
  );

  app.post(
    '/events/:slug/schedule',
    { preHandler: requireOrganizer, schema: { params: SlugParams, body: RunBody } },
    async (request, reply) => {
      const event = eventOf(app, request.params.slug);
      jobs.start(event, { actor: actorOf(request), timeLimitMs: (request.body.seconds ?? 5) * 1000 });
      return reply.redirect(`/events/${encodeURIComponent(event.slug)}/schedule`, 303);
    },
  );

  app.get(
    '/events/:slug/schedule/jobs/:job',
    { preHandler: requireOrganizer, schema: { params: JobParams } },
    async (request, reply) => {
      const event = eventOf(app, request.params.slug);
      const job = jobs.get(event.id, request.params.job);
      if (!job) throw new DomainError('not_found', 'shell.error.notFound.body');
      return reply.header('cache-control', 'no-store').send(jobJson(job, request.t));
    },
  );

  app.post(
    '/events/:slug/schedule/jobs/:job/cancel',
    { preHandler: requireOrganizer, schema: { params: JobParams } },
    async (request, reply) => {
      const event = eventOf(app, request.params.slug);
      if (!jobs.get(event.id, request.params.job)) throw new DomainError('not_found', 'shell.error.notFound.body');
      jobs.cancel(event.id, request.params.job);
      return reply.redirect(`/events/${encodeURIComponent(event.slug)}/schedule`, 303);
    },
  );
}
