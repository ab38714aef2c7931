// The pieces of request schemas that many routes share, declared once with TypeBox: each is both the validation
// (fastify's ajv, which also turns the strings of forms and URLs into numbers) and, through the TypeBox type
// provider, the TypeScript type of the handler's params, querystring and body.
import type { FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { FastifyBaseLogger } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type, type Static } from 'typebox';
import { LANGUAGES, type Language } from '../domain/index.js';

export type { Static };

/** The app as route plugins see it: schemas written with TypeBox type the handlers. */
export type TypedApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

export const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';

/** An event's slug in a URL. */
export const Slug = Type.String({ minLength: 1, maxLength: 100 });
/** An access link's token in a URL; the guard checks its form and whether it is live. */
export const Token = Type.String({ maxLength: 200 });
/** A row id (a link, a message, a room…), from a URL segment or a form field. */
export const Id = Type.Integer({ minimum: 1 });
/** A calendar day, YYYY-MM-DD. */
export const IsoDate = Type.String({ pattern: DATE_PATTERN });
export const LanguageField = Type.Unsafe<Language>({ type: 'string', enum: [...LANGUAGES] });
/** The CSRF token of a form post; the CSRF plugin checks it, the schema only lets it through. */
export const Csrf = Type.Optional(Type.String());

export const SlugParams = Type.Object({ slug: Slug });
export type SlugParams = Static<typeof SlugParams>;
/** An event and one of its records (a link, a message) by numeric id. */
export const SlugIdParams = Type.Object({ slug: Slug, id: Id });
export type SlugIdParams = Static<typeof SlugIdParams>;
export const TokenParams = Type.Object({ token: Token });
export type TokenParams = Static<typeof TokenParams>;
/** A form that carries nothing but its CSRF token. */
export const CsrfBody = Type.Object({ _csrf: Csrf });
/** `?fragment=1` asks a page for its live part only (the roster and attendance pages refresh it). */
export const FragmentQuery = Type.Object({ fragment: Type.Optional(Type.Literal('1')) });
