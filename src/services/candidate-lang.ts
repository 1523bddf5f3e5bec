import type { Repos } from '../db/repos.js';
import type { Candidate } from '../db/candidates.js';
import type { Lang } from '../domain/bank/schema.js';
import { candidateLang as languageOf } from '../domain/offer.js';

/** The language a candidate is written to (mail, their pages, the offer letter): the one HR set, else the resume's. */
export function candidateLang(repos: Repos, candidate: Pick<Candidate, 'id' | 'resumeText'>): Lang {
  return languageOf({ lang: repos.offers.candidateLang(candidate.id), resumeText: candidate.resumeText });
}
