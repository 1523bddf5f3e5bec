import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { buildApp, loginAs } from '../helpers/app.js';

// Pages are sent as strings (web/render.ts): node sets the length; a HEAD answer has the same headers and no body.
describe('a page as sent', () => {
  it('carries its exact length in bytes, its type and no ETag', async () => {
    const t = buildApp();
    const { agent } = await loginAs(t, 'hr', { lang: 'ru' });
    const res = await agent.get(`/vacancies/${t.demoVacancyId}/candidates`).buffer(true);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(Number(res.headers['content-length'])).toBe(Buffer.byteLength(res.text, 'utf8'));
    expect(res.text).toContain('</html>');
    expect(res.headers.etag).toBeUndefined();
    expect(res.headers['transfer-encoding']).toBeUndefined();
  });

  it('answers HEAD with the length of the page and no body', async () => {
    const t = buildApp();
    const page = await request(t.app).get('/login').set('Accept-Language', 'en');
    const head = await request(t.app).head('/login').set('Accept-Language', 'en');
    expect(head.status).toBe(200);
    expect(head.headers['content-type']).toBe('text/html; charset=utf-8');
    // The same page but for its form token, which is as long in each.
    expect(Number(head.headers['content-length'])).toBe(Buffer.byteLength(page.text, 'utf8'));
    expect(head.text ?? '').toBe('');
  });

  it('keeps the status a handler set (a form with errors answers 422)', async () => {
    const t = buildApp();
    const { agent, csrf } = await loginAs(t, 'hr');
    const res = await agent.post('/vacancies').type('form').send({ _csrf: csrf });
    expect(res.status).toBe(422);
    expect(Number(res.headers['content-length'])).toBe(Buffer.byteLength(res.text, 'utf8'));
  });
});
