import express from 'express';
import helmet from 'helmet';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { headersOf, helmetOptions, securityHeaders } from '../../src/web/middleware/security-headers.js';

/** The headers an app with only this middleware answers with, without the ones every express answer has. */
async function headersFrom(middleware: express.RequestHandler): Promise<Record<string, string>> {
  const app = express();
  app.disable('x-powered-by');
  app.use(middleware);
  app.get('/', (_req, res) => {
    res.type('text').send('ok');
  });
  const res = await request(app).get('/');
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(res.headers))
    if (!['date', 'connection', 'content-type', 'content-length', 'etag', 'keep-alive'].includes(k)) out[k] = String(v);
  return out;
}

describe('security headers', () => {
  for (const secure of [false, true])
    it(`are the ones helmet sets${secure ? ' (HTTPS: with Strict-Transport-Security)' : ''}`, async () => {
      const ours = await headersFrom(securityHeaders(secure));
      expect(ours).toEqual(await headersFrom(helmet(helmetOptions(secure))));
      expect(ours['content-security-policy']).toContain("frame-ancestors 'none'");
      expect('strict-transport-security' in ours).toBe(secure);
    });

  it('refuses a middleware that does not finish at once (its headers could depend on the request)', () => {
    expect(() => headersOf((_req, _res, next) => void setTimeout(next, 1))).toThrow(/synchronously/);
  });
});
