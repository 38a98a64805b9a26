import { pino, type Logger } from 'pino';

export function createLogger(level: string, name = 'dataml'): Logger {
  return pino({
    name,
    level,
    // Never log secrets, even by accident.
    redact: ['req.headers.authorization', '*.password', '*.new_password', '*.refresh_token', '*.access_token'],
  });
}
