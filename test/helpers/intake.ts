import type { Agent } from './app.js';

export interface IntakeFields {
  full_name: string;
  email?: string;
  phone?: string;
  source?: string;
  resume_text?: string;
  /** YYYY-MM-DD; today when left out. */
  consent_date?: string;
}

/**
 * HR adds a candidate through the intake form (pasted resume text, consent recorded today unless
 * said otherwise); the response is returned as it is, so a test can check the redirect or an error.
 */
export function postCandidate(hr: { agent: Agent; csrf: string }, vacancyId: number, fields: IntakeFields) {
  return hr.agent
    .post(`/vacancies/${vacancyId}/candidates`)
    .type('form')
    .send({
      _csrf: hr.csrf,
      email: '',
      phone: '',
      source: 'hh',
      resume_text: 'Менеджер по работе с ключевыми клиентами.',
      consent: '1',
      consent_date: new Date().toISOString().slice(0, 10),
      ...fields,
    });
}

/** The new candidate's id from the intake's redirect. */
export function createdId(res: { status: number; headers: Record<string, string> }): number {
  if (res.status !== 302) throw new Error(`candidate intake answered ${res.status}`);
  return Number(String(res.headers.location).split('/').pop());
}

/**
 * HR assigns the commercial-proposal take-home task (Russian, due in three days at 18:00, 24 hours' grace)
 * to graders; `extra` overrides or adds form fields (a letter to send, another task or language).
 */
export function postAssignment(
  hr: { agent: Agent; csrf: string },
  candidateId: number,
  graders: (number | string)[],
  extra: Record<string, unknown> = {},
) {
  return hr.agent
    .post(`/candidates/${candidateId}/assignments`)
    .type('form')
    .send({
      _csrf: hr.csrf,
      item: 'task:task-commercial-proposal',
      lang: 'ru',
      date: new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10),
      time: '18:00',
      grace_hours: '24',
      brief: '',
      graders: graders.map(String),
      ...extra,
    });
}
