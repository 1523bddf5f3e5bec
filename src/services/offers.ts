import type { Candidate } from '../db/candidates.js';
import type { Offer } from '../db/offers.js';
import type { Repos } from '../db/repos.js';
import type { Lang } from '../domain/bank/schema.js';
import type { PipelineStage } from '../domain/candidate.js';
import { stageAfterWork, type StageWork } from '../domain/funnel.js';
import { OPEN_OFFER, OUTCOME_OF_KIND, type ReasonKind } from '../domain/offer.js';
import type { ApprovalStep } from '../domain/policy.js';
import { auditLine, type Actor } from './audit.js';

/*
 * The end of a candidate's journey, one use-case each: the final decision, the offer and its approvals,
 * the candidate's answer, the reasons the admin keeps. Each is one transaction with its audit line.
 */

type UserActor = Actor & { userId: number };
type CandidateRef = Pick<Candidate, 'id' | 'stage'>;

/**
 * Moves the candidate to the stage the work defines, if that lies ahead (never backwards). Call it inside
 * the transaction that records the work. Returns the new stage, or null when the candidate stays.
 */
export function advanceForWork(repos: Repos, candidate: CandidateRef, work: StageWork, actor: UserActor): PipelineStage | null {
  const to = stageAfterWork(candidate.stage, work);
  if (to === null) return null;
  repos.candidates.moveStage(candidate.id, candidate.stage, to, null, actor.userId);
  auditLine(repos, actor, 'candidate.stage', { type: 'candidate', id: candidate.id }, { from: candidate.stage, to, by: work });
  return to;
}

/** Ends the journey with a stage (hired or rejected) unless the candidate is there already. */
function endAt(repos: Repos, candidate: CandidateRef, to: 'hired' | 'rejected', reason: string | null, actor: UserActor, by: string): void {
  if (candidate.stage === to) return;
  repos.candidates.moveStage(candidate.id, candidate.stage, to, reason, actor.userId);
  auditLine(repos, actor, 'candidate.stage', { type: 'candidate', id: candidate.id }, { from: candidate.stage, to, by });
}

export type Refusal = { ok: false; field: string; key: string };
export type Done<T = object> = ({ ok: true } & T) | Refusal;

function usableReason(repos: Repos, id: number | null | undefined, kinds: readonly ReasonKind[]) {
  if (id === null || id === undefined) return undefined;
  const r = repos.offers.reason(id);
  return r && r.retiredAt === null && kinds.includes(r.kind) ? r : undefined;
}

/**
 * The final "no": a reason from the list (a company reason, or one of the candidate's) and a note. The
 * candidate is closed as rejected and any offer under way is withdrawn.
 */
export function recordRejection(repos: Repos, candidate: CandidateRef, input: { reasonId: number; note: string }, actor: UserActor): Done {
  return repos.transaction((): Done => {
    const reason = usableReason(repos, input.reasonId, ['company', 'candidate']);
    if (!reason) return { ok: false, field: 'reason', key: 'offers.err_reason' };
    if (candidate.stage === 'hired') return { ok: false, field: 'reason', key: 'offers.err_already_hired' };
    const outcome = OUTCOME_OF_KIND[reason.kind];
    repos.offers.setOutcome({
      candidateId: candidate.id,
      outcome,
      reasonId: reason.id,
      note: input.note || null,
      stage: candidate.stage,
      userId: actor.userId,
    });
    const withdrawn = repos.offers.withdrawOpen(candidate.id);
    endAt(repos, candidate, 'rejected', input.note || null, actor, 'decision');
    auditLine(
      repos,
      actor,
      'candidate.outcome',
      { type: 'candidate', id: candidate.id },
      { outcome, reason: reason.id, note: input.note || null, stage: candidate.stage, offersWithdrawn: withdrawn },
    );
    return { ok: true };
  });
}

export interface OfferTermsInput {
  grade: Offer['grade'];
  baseSalary: number;
  currency: string;
  bonusPct: number | null;
  bonusTerms: string | null;
  startDate: string;
  lang: Lang;
}

/** HR proposes an offer: it waits for the head's approval (and the second approver's, when the vacancy names one). */
export function proposeOffer(
  repos: Repos,
  candidate: CandidateRef & { vacancyId: number },
  terms: OfferTermsInput,
  actor: UserActor,
): Done<{ offerId: number }> {
  return repos.transaction((): Done<{ offerId: number }> => {
    if (candidate.stage === 'hired' || candidate.stage === 'rejected') return { ok: false, field: '_form', key: 'offers.err_closed' };
    const open = repos.offers.latestOffer(candidate.id);
    if (open && OPEN_OFFER.has(open.status)) return { ok: false, field: '_form', key: 'offers.err_open_offer' };
    const secondApproverId = repos.offers.secondApproverOf(candidate.vacancyId);
    const offerId = repos.offers.createOffer({
      candidateId: candidate.id,
      vacancyId: candidate.vacancyId,
      ...terms,
      secondApproverId,
      proposedBy: actor.userId,
    });
    repos.offers.setCandidateLang(candidate.id, terms.lang);
    advanceForWork(repos, candidate, 'offer_proposed', actor);
    auditLine(
      repos,
      actor,
      'offer.propose',
      { type: 'candidate', id: candidate.id },
      { offer: offerId, ...terms, secondApprover: secondApproverId },
    );
    return { ok: true, offerId };
  });
}

/** An approver approves (their step) or refuses the offer with a note; a refused offer ends and HR may propose anew. */
export function decideApproval(
  repos: Repos,
  offer: Pick<Offer, 'id' | 'candidateId'>,
  step: ApprovalStep,
  input: { verdict: 'approve' | 'refuse'; note: string },
  actor: UserActor,
): boolean {
  return repos.transaction(() => {
    const changed =
      input.verdict === 'refuse'
        ? repos.offers.refuse(offer.id, actor.userId, input.note)
        : step === 'head'
          ? repos.offers.approveAsHead(offer.id, actor.userId)
          : repos.offers.approveAsSecond(offer.id, actor.userId);
    if (!changed) return false;
    const status = repos.offers.offer(offer.id)?.status;
    auditLine(
      repos,
      actor,
      input.verdict === 'refuse' ? 'offer.refuse' : 'offer.approve',
      { type: 'candidate', id: offer.candidateId },
      { offer: offer.id, step, note: input.note || null, status },
    );
    return true;
  });
}

/**
 * The candidate's answer to an approved offer. Accepted: hired (a hire reason may be given). Declined: a
 * reason of the candidate's is required, and the candidate is closed as rejected.
 */
export function answerOffer(
  repos: Repos,
  offer: Pick<Offer, 'id' | 'status'>,
  candidate: CandidateRef,
  input: { answer: 'accepted' | 'declined'; reasonId: number | undefined; note: string },
  actor: UserActor,
): Done {
  return repos.transaction((): Done => {
    if (offer.status !== 'approved') return { ok: false, field: '_form', key: 'offers.err_not_approved' };
    const reason = usableReason(repos, input.reasonId, input.answer === 'accepted' ? ['hire'] : ['candidate']);
    if (input.reasonId !== undefined && !reason) return { ok: false, field: 'reason', key: 'offers.err_reason' };
    if (input.answer === 'declined' && !reason) return { ok: false, field: 'reason', key: 'offers.err_reason' };
    const note = input.note || null;
    if (!repos.offers.answer(offer.id, { status: input.answer, reasonId: reason?.id ?? null, note, userId: actor.userId }))
      return { ok: false, field: '_form', key: 'offers.err_not_approved' };
    const outcome = input.answer === 'accepted' ? 'hired' : 'declined_by_candidate';
    repos.offers.setOutcome({
      candidateId: candidate.id,
      outcome,
      reasonId: reason?.id ?? null,
      note,
      stage: candidate.stage,
      userId: actor.userId,
    });
    endAt(repos, candidate, input.answer === 'accepted' ? 'hired' : 'rejected', note, actor, 'offer');
    auditLine(
      repos,
      actor,
      input.answer === 'accepted' ? 'offer.accept' : 'offer.decline',
      { type: 'candidate', id: candidate.id },
      { offer: offer.id, reason: reason?.id ?? null, note },
    );
    return { ok: true };
  });
}

/** Which user, if any, must approve the vacancy's offers besides the department's head. */
export function setSecondApprover(repos: Repos, vacancyId: number, userId: number | null, actor: UserActor): void {
  repos.transaction(() => {
    const before = repos.offers.secondApproverOf(vacancyId);
    repos.offers.setSecondApprover(vacancyId, userId);
    auditLine(repos, actor, 'vacancy.offer_approver', { type: 'vacancy', id: vacancyId }, { from: before, to: userId });
  });
}

// ---- The reasons the admin keeps ------------------------------------------------------------------

type ReasonInput = { kind: ReasonKind; labelRu: string; labelEn: string };

export function addReason(repos: Repos, r: ReasonInput, actor: UserActor): number {
  return repos.transaction(() => {
    const id = repos.offers.addReason(r);
    auditLine(repos, actor, 'reason.create', { type: 'reason', id }, { ...r });
    return id;
  });
}

/** Relabels a reason; a reason already used keeps its kind (the statistics counted it as such). */
export function updateReason(repos: Repos, id: number, r: ReasonInput, actor: UserActor): Done {
  return repos.transaction((): Done => {
    const old = repos.offers.reason(id);
    if (!old) return { ok: false, field: '_form', key: 'errors.not_found' };
    if (old.uses > 0 && old.kind !== r.kind) return { ok: false, field: 'kind', key: 'offers.err_kind_used' };
    repos.offers.updateReason(id, r);
    auditLine(
      repos,
      actor,
      'reason.update',
      { type: 'reason', id },
      { from: { kind: old.kind, labelRu: old.labelRu, labelEn: old.labelEn }, to: { ...r } },
    );
    return { ok: true };
  });
}

/** Retires a reason (no longer offered) or brings it back. */
export function setReasonRetired(repos: Repos, id: number, retired: boolean, actor: UserActor): boolean {
  return repos.transaction(() => {
    const changed = retired ? repos.offers.retireReason(id) : repos.offers.restoreReason(id);
    if (changed) auditLine(repos, actor, retired ? 'reason.retire' : 'reason.restore', { type: 'reason', id });
    return changed;
  });
}

/** Deletes a reason nobody has used yet; a used one can only be retired. */
export function deleteReason(repos: Repos, id: number, actor: UserActor): Done {
  return repos.transaction((): Done => {
    const r = repos.offers.reason(id);
    if (!r) return { ok: false, field: '_form', key: 'errors.not_found' };
    if (r.uses > 0) return { ok: false, field: '_form', key: 'offers.err_reason_used' };
    repos.offers.deleteReason(id);
    auditLine(repos, actor, 'reason.delete', { type: 'reason', id }, { kind: r.kind, labelRu: r.labelRu, labelEn: r.labelEn });
    return { ok: true };
  });
}
