import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Request } from 'express';
import pino, { type Logger } from 'pino';
import { pinoHttp } from 'pino-http';

export type { Logger };

/**
 * The app's structured log: one JSON line per request and per server error, to stdout.
 * The destination is asynchronous and buffered (pino's SonicBoom with sync: false), so a request
 * never waits on a write; what is still buffered is written when the process exits.
 */
export function createLogger(level = 'info', dest: pino.DestinationStream = pino.destination({ dest: 1, sync: false, minLength: 4096 })): Logger {
  const logger = pino({ level, base: undefined, timestamp: pino.stdTimeFunctions.isoTime }, dest);
  if ('flushSync' in dest && typeof dest.flushSync === 'function') {
    const flush = dest.flushSync.bind(dest);
    process.on('exit', () => {
      try {
        flush();
      } catch {
        // Nothing left to write to.
      }
    });
  }
  return logger;
}

const pathOf = (url: string | undefined) => (url ?? '').split('?')[0];

/**
 * pino-http: each request gets an id (kept from X-Request-Id when the proxy sent a sane one), and
 * its line carries the route pattern, the user id and, for a 5xx, the error with its stack (set by
 * the error handler). Query strings are left out: they may carry names.
 */
export function requestLog(logger: Logger, opts: { autoLogging: boolean }) {
  return pinoHttp({
    logger,
    autoLogging: opts.autoLogging,
    genReqId: (req, res) => {
      const given = req.headers['x-request-id'];
      const id = typeof given === 'string' && /^[A-Za-z0-9._-]{8,100}$/.test(given) ? given : randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : 'info'),
    customProps: (req: IncomingMessage, _res: ServerResponse) => {
      const r = req as Request;
      return { route: r.route?.path ?? null, userId: r.ctx?.user?.id ?? null };
    },
    serializers: {
      req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, path: pathOf(req.url) }),
      res: (res: { statusCode: number }) => ({ status: res.statusCode }),
    },
  });
}
