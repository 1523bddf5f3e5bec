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
