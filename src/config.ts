// Settings come from the environment only; every one has a default that works on a laptop.
export interface SmtpConfig {
  readonly host: string;
  readonly port: number;
  readonly secure: boolean;
  readonly user?: string;
  readonly pass?: string;
  readonly from: string;
}

export interface Config {
  readonly dbPath: string;
  readonly host: string;
  readonly port: number;
  /** Where links that leave the app (e-mails, CLI output) point; no trailing slash. */
  readonly publicUrl: string;
  /** Signs session cookies; generated and kept in the database when not set. */
  readonly sessionSecret?: string;
  /** Null: no SMTP configured, e-mails wait in the outbox. */
  readonly smtp: SmtpConfig | null;
  readonly logLevel: string;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const host = env.HOST || '127.0.0.1';
  const port = parsePort(env.PORT ?? '3000', 'PORT');
  const publicUrl = (env.PUBLIC_URL || `http://${host.includes(':') ? `[${host}]` : host}:${port}`).replace(
    /\/+$/,
    '',
  );
  if (!/^https?:\/\/[^\s]+$/.test(publicUrl)) {
    throw new ConfigError(`PUBLIC_URL must be an http(s) address, got "${publicUrl}"`);
  }
  return {
    dbPath: env.MEETGRID_DB || 'data/meetgrid.sqlite',
    host,
    port,
    publicUrl,
    sessionSecret: env.SESSION_SECRET || undefined,
    smtp: env.SMTP_HOST
      ? {
          host: env.SMTP_HOST,
          port: parsePort(env.SMTP_PORT ?? '587', 'SMTP_PORT'),
          secure: env.SMTP_SECURE === 'true',
          user: env.SMTP_USER || undefined,
          pass: env.SMTP_PASS || undefined,
          from: env.SMTP_FROM || 'Meetgrid <no-reply@meetgrid.local>',
        }
      : null,
    logLevel: env.LOG_LEVEL || 'info',
  };
}

function parsePort(value: string, name: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`${name} must be a port number from 0 to 65535, got "${value}"`);
  }
  return port;
}
