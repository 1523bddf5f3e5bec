import { describe, expect, it } from 'vitest';
import { parseTemplateSource, placeholdersOf, renderTemplate, UnknownPlaceholderError } from '../../src/domain/mail/render.js';

describe('mail templates', () => {
  const tpl = parseTemplateSource(
    '---\nsubject: "Приглашение: {{vacancy.title}}"\n---\nЗдравствуйте, {{candidate.first_name}}!\n\n**Ссылка:** {{task.link}}\n',
  );

  it('fills dotted placeholders in subject, text and HTML', () => {
    const out = renderTemplate(tpl, {
      candidate: { first_name: 'Анна' },
      vacancy: { title: 'KAM' },
      task: { link: 'https://x.test/t/abc' },
    });
    expect(out.subject).toBe('Приглашение: KAM');
    expect(out.text).toContain('Здравствуйте, Анна!');
    expect(out.html).toContain('<strong>Ссылка:</strong>');
    expect(placeholdersOf(tpl)).toEqual(['vacancy.title', 'candidate.first_name', 'task.link']);
  });

  it('refuses a placeholder without a value', () => {
    expect(() => renderTemplate(tpl, { candidate: { first_name: 'Анна' } })).toThrow(UnknownPlaceholderError);
  });

  it('never lets a value add markup to the HTML', () => {
    const out = renderTemplate(tpl, {
      candidate: { first_name: '<img src=x onerror=alert(1)>' },
      vacancy: { title: 'K' },
      task: { link: 'l' },
    });
    expect(out.html).not.toContain('<img');
    expect(out.text).toContain('<img src=x');
  });
});
