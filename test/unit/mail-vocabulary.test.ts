import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BACKOFF_MINUTES, describeError, isPermanent, MAX_TRIES, nextTryAt } from '../../src/domain/mail/delivery.js';
import { TEMPLATE_KEYS, type TemplateKey } from '../../src/domain/mail/message.js';
import { fillKnown, renderTemplate } from '../../src/domain/mail/render.js';
import {
  composeSchema,
  firstNameOf,
  sampleVars,
  TEMPLATE_VOCABULARY,
  templateFormSchema,
  unknownPlaceholders,
} from '../../src/domain/mail/vocabulary.js';
import { textLang } from '../../src/domain/offer.js';
import { defaultTemplate } from '../../src/services/mail.js';
import { candidateTimeline } from '../../src/web/timeline.js';

const shipped = TEMPLATE_KEYS.flatMap((key) =>
  (['ru', 'en'] as const).filter((lang) => existsSync(`mail-templates/${key}.${lang}.md`)).map((lang) => [key, lang] as const),
);

describe('template vocabulary', () => {
  it('ships RU and EN defaults for the letters this part sends', () => {
    for (const key of ['take_home_task', 'submission_thanks', 'rejection', 'offer_invitation'] as TemplateKey[])
      for (const lang of ['ru', 'en'] as const) expect(shipped).toContainEqual([key, lang]);
  });

  it.each(shipped)('the shipped %s.%s uses only its vocabulary and renders with the sample values', (key, lang) => {
    const t = defaultTemplate(key, lang);
    expect(t.subject.length).toBeGreaterThan(0);
    expect(unknownPlaceholders(key, t)).toEqual([]);
    const out = renderTemplate(t, sampleVars(key, lang));
    expect(out.text).not.toContain('{{');
    expect(out.subject).not.toContain('{{');
  });

  it('every vocabulary entry has a sample value', () => {
    for (const key of TEMPLATE_KEYS) {
      const t = { subject: '', body: TEMPLATE_VOCABULARY[key].map((p) => `{{${p}}}`).join(' ') };
      expect(() => renderTemplate(t, sampleVars(key, 'ru')), key).not.toThrow();
    }
  });

  it('the rejection says no reasons and promises nothing about a decision being final for ever', () => {
    for (const lang of ['ru', 'en'] as const) {
      const body = defaultTemplate('rejection', lang).body.toLowerCase();
      for (const risky of ['возраст', 'пол ', 'семь', 'age', 'gender', 'family', 'pregnan', 'national'])
        expect(body, `${lang}: ${risky}`).not.toContain(risky);
    }
  });

  it('the form schema names the unknown placeholders at the field and refuses a multi-line subject', () => {
    const s = templateFormSchema('rejection');
    const r = s.safeParse({ subject: 'Hi {{task.link}}', body: 'Dear {{candidate.first_name}} {{ candidate.age }}' });
    expect(r.success).toBe(false);
    const issues = r.success ? [] : r.error.issues.map((i) => [i.path.join('.'), i.message]);
    expect(issues).toContainEqual(['subject', 'mail.errors.placeholder?names=%7B%7Btask.link%7D%7D']);
    expect(issues).toContainEqual(['body', 'mail.errors.placeholder?names=%7B%7Bcandidate.age%7D%7D']);
    expect(s.safeParse({ subject: 'a\nb', body: 'x' }).success).toBe(false);
    expect(s.safeParse({ subject: 'About {{vacancy.title}}', body: 'Dear {{candidate.first_name}}' }).success).toBe(true);
  });

  it('the compose schema wants an address', () => {
    const s = composeSchema('take_home_task');
    const ok = { mail_to: ' anna@example.ru ', mail_subject: 'S', mail_body: 'Link: {{task.link}}' };
    expect(s.parse(ok).mail_to).toBe('anna@example.ru');
    const missing = s.safeParse({ ...ok, mail_to: '' });
    expect(missing.success ? null : missing.error.issues[0]?.message).toBe('mail.errors.address_missing');
    const wrong = s.safeParse({ ...ok, mail_to: 'anna@@example' });
    expect(wrong.success ? null : wrong.error.issues[0]?.message).toBe('mail.errors.address');
  });

  it('fills what is known and leaves the rest for sending', () => {
    expect(fillKnown('Hi {{candidate.first_name}}, {{task.link}}', { candidate: { first_name: 'Anna' } })).toBe('Hi Anna, {{task.link}}');
  });

  it('greets by the first name, and takes the language from the resume', () => {
    expect(firstNameOf('Анна Петрова')).toBe('Анна');
    expect(firstNameOf('Петрова Анна Сергеевна')).toBe('Анна');
    expect(firstNameOf('John Smith')).toBe('John');
    expect(textLang('Менеджер по продажам, 5 лет опыта')).toBe('ru');
    expect(textLang('Key account manager, 5 years')).toBe('en');
    expect(textLang('')).toBe('ru');
  });
});

describe('delivery backoff', () => {
  const now = new Date('2027-03-15T08:00:00.000Z');
  it('waits 1, 5, 15, 60, 240 minutes, then gives up', () => {
    const waits = [];
    for (let tries = 1; tries < MAX_TRIES; tries++)
      waits.push((nextTryAt(tries, now, { message: 'x' })!.getTime() - now.getTime()) / 60_000);
    expect(waits).toEqual([...BACKOFF_MINUTES]);
    expect(nextTryAt(MAX_TRIES, now, { message: 'x' })).toBeNull();
  });

  it('a 5xx refusal is final; 4xx and connection errors are retried', () => {
    expect(isPermanent({ message: 'no', responseCode: 550 })).toBe(true);
    expect(nextTryAt(1, now, { message: 'no', responseCode: 550 })).toBeNull();
    expect(isPermanent({ message: 'later', responseCode: 451 })).toBe(false);
    expect(isPermanent({ message: 'refused', code: 'ECONNREFUSED' })).toBe(false);
    expect(describeError({ message: 'connect ECONNREFUSED\n127.0.0.1:25', code: 'ECONNREFUSED' })).toBe(
      'ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:25',
    );
    expect(describeError({ message: 'x'.repeat(5000), responseCode: 451 })).toHaveLength(1000);
  });
});

describe('the candidate timeline', () => {
  it('merges history and mail, newest first', () => {
    const events = [
      { kind: 'created', createdAt: '2027-03-01T10:00:00.000Z' },
      { kind: 'decision', createdAt: '2027-03-03T10:00:00.000Z' },
    ];
    const mail = {
      id: 1,
      kind: 'rejection',
      subject: 'S',
      to_address: 'a@example.test',
      state: 'sent' as const,
      tries: 1,
      last_error: null,
      sent_at: null,
      created_at: '2027-03-02T10:00:00.000Z',
      created_by_name: 'HR',
    };
    expect(candidateTimeline(events, [mail]).map((e) => e.kind)).toEqual(['decision', 'mail', 'created']);
  });
});
