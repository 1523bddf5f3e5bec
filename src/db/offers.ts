import type { DB } from './connection.js';
import type { Grade, Lang } from '../domain/bank/schema.js';
import type { OfferStatus, Outcome, ReasonKind } from '../domain/offer.js';

export interface DecisionReason {
  id: number;
  kind: ReasonKind;
  labelRu: string;
  labelEn: string;
  position: number;
  retiredAt: string | null;
  /** How many final decisions and offer answers name it (a used reason is retired, never deleted). */
  uses: number;
}

export interface CandidateOutcome {
  candidateId: number;
  outcome: Outcome;
  reasonId: number | null;
  note: string | null;
  stage: string;
  decidedBy: number | null;
  decidedByName: string | null;
  decidedAt: string;
}

export interface Offer {
  id: number;
  candidateId: number;
  vacancyId: number;
  status: OfferStatus;
  grade: Grade;
  baseSalary: number;
  currency: string;
  bonusPct: number | null;
  bonusTerms: string | null;
  startDate: string;
  lang: Lang;
  secondApproverId: number | null;
  secondApproverName: string | null;
  headApprovedBy: number | null;
  headApprovedByName: string | null;
  headApprovedAt: string | null;
  secondApprovedBy: number | null;
  secondApprovedAt: string | null;
  refusedBy: number | null;
  refusedByName: string | null;
  refusedAt: string | null;
  refusalNote: string | null;
  outcomeReasonId: number | null;
  outcomeNote: string | null;
  outcomeAt: string | null;
  proposedBy: number | null;
  proposedByName: string | null;
  createdAt: string;
}

export interface NewOffer {
  candidateId: number;
  vacancyId: number;
  grade: Grade;
  baseSalary: number;
  currency: string;
  bonusPct: number | null;
  bonusTerms: string | null;
  startDate: string;
  lang: Lang;
  secondApproverId: number | null;
  proposedBy: number;
}

const NOW = `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`;

const OFFER_COLUMNS = `o.id, o.candidate_id AS candidateId, o.vacancy_id AS vacancyId, o.status, o.grade, o.base_salary AS baseSalary,
  o.currency, o.bonus_pct AS bonusPct, o.bonus_terms AS bonusTerms, o.start_date AS startDate, o.lang,
  o.second_approver_id AS secondApproverId, sa.display_name AS secondApproverName,
  o.head_approved_by AS headApprovedBy, ha.display_name AS headApprovedByName, o.head_approved_at AS headApprovedAt,
  o.second_approved_by AS secondApprovedBy, o.second_approved_at AS secondApprovedAt,
  o.refused_by AS refusedBy, rf.display_name AS refusedByName, o.refused_at AS refusedAt, o.refusal_note AS refusalNote,
  o.outcome_reason_id AS outcomeReasonId, o.outcome_note AS outcomeNote, o.outcome_at AS outcomeAt,
  o.proposed_by AS proposedBy, pb.display_name AS proposedByName, o.created_at AS createdAt`;
const OFFER_JOINS = `LEFT JOIN users sa ON sa.id = o.second_approver_id LEFT JOIN users ha ON ha.id = o.head_approved_by
  LEFT JOIN users rf ON rf.id = o.refused_by LEFT JOIN users pb ON pb.id = o.proposed_by`;

/** Decision reasons, final decisions, offers and the furthest-stage counts behind the cumulative funnel. */
export function offersRepo(db: DB) {
  const stmts = {
    reasons: db.prepare<[], DecisionReason>(
      `SELECT r.id, r.kind, r.label_ru AS labelRu, r.label_en AS labelEn, r.position, r.retired_at AS retiredAt,
         (SELECT COUNT(*) FROM candidate_outcomes o WHERE o.reason_id = r.id) + (SELECT COUNT(*) FROM offers f WHERE f.outcome_reason_id = r.id) AS uses
       FROM decision_reasons r ORDER BY r.retired_at IS NOT NULL, r.kind, r.position, r.id`,
    ),
    reason: db.prepare<[number], DecisionReason>(
      `SELECT r.id, r.kind, r.label_ru AS labelRu, r.label_en AS labelEn, r.position, r.retired_at AS retiredAt,
         (SELECT COUNT(*) FROM candidate_outcomes o WHERE o.reason_id = r.id) + (SELECT COUNT(*) FROM offers f WHERE f.outcome_reason_id = r.id) AS uses
       FROM decision_reasons r WHERE r.id = ?`,
    ),
    addReason: db.prepare(
      `INSERT INTO decision_reasons (kind, label_ru, label_en, position)
       VALUES (@kind, @labelRu, @labelEn, (SELECT COALESCE(MAX(position), 0) + 1 FROM decision_reasons))`,
    ),
    updateReason: db.prepare(
      `UPDATE decision_reasons SET kind = @kind, label_ru = @labelRu, label_en = @labelEn, updated_at = ${NOW} WHERE id = @id`,
    ),
    retireReason: db.prepare(`UPDATE decision_reasons SET retired_at = ${NOW}, updated_at = ${NOW} WHERE id = ?`),
    restoreReason: db.prepare(`UPDATE decision_reasons SET retired_at = NULL, updated_at = ${NOW} WHERE id = ?`),
    deleteReason: db.prepare('DELETE FROM decision_reasons WHERE id = ?'),

    outcome: db.prepare<[number], CandidateOutcome>(
      `SELECT o.candidate_id AS candidateId, o.outcome, o.reason_id AS reasonId, o.note, o.stage, o.decided_by AS decidedBy,
         u.display_name AS decidedByName, o.decided_at AS decidedAt
       FROM candidate_outcomes o LEFT JOIN users u ON u.id = o.decided_by WHERE o.candidate_id = ?`,
    ),
    setOutcome: db.prepare(
      `INSERT INTO candidate_outcomes (candidate_id, outcome, reason_id, note, stage, decided_by, decided_at)
       VALUES (@candidateId, @outcome, @reasonId, @note, @stage, @userId, ${NOW})
       ON CONFLICT (candidate_id) DO UPDATE SET outcome = excluded.outcome, reason_id = excluded.reason_id, note = excluded.note,
         stage = excluded.stage, decided_by = excluded.decided_by, decided_at = excluded.decided_at`,
    ),
    reasonStats: db.prepare<[number], { reasonId: number | null; outcome: Outcome; source: string; n: number }>(
      `SELECT o.reason_id AS reasonId, o.outcome, c.source, COUNT(*) AS n
       FROM candidate_outcomes o JOIN candidates c ON c.id = o.candidate_id WHERE c.vacancy_id = ?
       GROUP BY o.reason_id, o.outcome, c.source`,
    ),

    insertOffer: db.prepare(
      `INSERT INTO offers (candidate_id, vacancy_id, grade, base_salary, currency, bonus_pct, bonus_terms, start_date, lang,
         second_approver_id, proposed_by)
       VALUES (@candidateId, @vacancyId, @grade, @baseSalary, @currency, @bonusPct, @bonusTerms, @startDate, @lang, @secondApproverId, @proposedBy)`,
    ),
    offer: db.prepare<[number], Offer>(`SELECT ${OFFER_COLUMNS} FROM offers o ${OFFER_JOINS} WHERE o.id = ?`),
    latestOffer: db.prepare<[number], Offer>(
      `SELECT ${OFFER_COLUMNS} FROM offers o ${OFFER_JOINS} WHERE o.candidate_id = ? ORDER BY o.id DESC LIMIT 1`,
    ),
    offersOf: db.prepare<[number], Offer>(
      `SELECT ${OFFER_COLUMNS} FROM offers o ${OFFER_JOINS} WHERE o.candidate_id = ? ORDER BY o.id DESC`,
    ),
    headApprove: db.prepare(
      `UPDATE offers SET head_approved_by = @userId, head_approved_at = ${NOW}, updated_at = ${NOW},
         status = CASE WHEN second_approver_id IS NULL OR second_approved_at IS NOT NULL THEN 'approved' ELSE status END
       WHERE id = @id AND status = 'pending' AND head_approved_at IS NULL`,
    ),
    secondApprove: db.prepare(
      `UPDATE offers SET second_approved_by = @userId, second_approved_at = ${NOW}, updated_at = ${NOW},
         status = CASE WHEN head_approved_at IS NOT NULL THEN 'approved' ELSE status END
       WHERE id = @id AND status = 'pending' AND second_approver_id IS NOT NULL AND second_approved_at IS NULL`,
    ),
    refuse: db.prepare(
      `UPDATE offers SET status = 'refused', refused_by = @userId, refused_at = ${NOW}, refusal_note = @note, updated_at = ${NOW}
       WHERE id = @id AND status = 'pending'`,
    ),
    answer: db.prepare(
      `UPDATE offers SET status = @status, outcome_reason_id = @reasonId, outcome_note = @note, outcome_by = @userId, outcome_at = ${NOW},
         updated_at = ${NOW} WHERE id = @id AND status = 'approved'`,
    ),
    withdraw: db.prepare(
      `UPDATE offers SET status = 'withdrawn', updated_at = ${NOW} WHERE candidate_id = ? AND status IN ('pending', 'approved')`,
    ),
    awaiting: db.prepare<
      { dept: string; uid: number },
      { offerId: number; candidateId: number; fullName: string; vacancyId: number; step: 'head' | 'second' }
    >(
      `SELECT o.id AS offerId, o.candidate_id AS candidateId, c.full_name AS fullName, o.vacancy_id AS vacancyId,
         CASE WHEN o.head_approved_at IS NULL AND v.department_key = @dept THEN 'head' ELSE 'second' END AS step
       FROM offers o JOIN candidates c ON c.id = o.candidate_id JOIN vacancies v ON v.id = o.vacancy_id
       WHERE o.status = 'pending' AND ((o.head_approved_at IS NULL AND v.department_key = @dept AND @dept <> '')
         OR (o.second_approver_id = @uid AND o.second_approved_at IS NULL))
       ORDER BY o.id`,
    ),

    secondApprover: db.prepare<[number], { id: number | null }>('SELECT offer_second_approver_id AS id FROM vacancies WHERE id = ?'),
    setSecondApprover: db.prepare(`UPDATE vacancies SET offer_second_approver_id = ?, updated_at = ${NOW} WHERE id = ?`),
    setLang: db.prepare('UPDATE candidates SET lang = ? WHERE id = ?'),
    lang: db.prepare<[number], { lang: Lang | null }>('SELECT lang FROM candidates WHERE id = ?'),
    furthest: db.prepare<[number], { stage: string; n: number }>(
      'SELECT stage, n FROM vacancy_furthest_counts WHERE vacancy_id = ? AND n > 0',
    ),
    furthestOf: db.prepare<[number], { stage: string }>('SELECT furthest_stage AS stage FROM candidates WHERE id = ?'),
  };
  return {
    reasons: () => stmts.reasons.all(),
    reason: (id: number) => stmts.reason.get(id),
    addReason: (r: { kind: ReasonKind; labelRu: string; labelEn: string }) => Number(stmts.addReason.run(r).lastInsertRowid),
    updateReason: (id: number, r: { kind: ReasonKind; labelRu: string; labelEn: string }) =>
      stmts.updateReason.run({ ...r, id }).changes > 0,
    retireReason: (id: number) => stmts.retireReason.run(id).changes > 0,
    restoreReason: (id: number) => stmts.restoreReason.run(id).changes > 0,
    deleteReason: (id: number) => stmts.deleteReason.run(id).changes > 0,

    outcome: (candidateId: number) => stmts.outcome.get(candidateId),
    setOutcome: (o: {
      candidateId: number;
      outcome: Outcome;
      reasonId: number | null;
      note: string | null;
      stage: string;
      userId: number;
    }) => stmts.setOutcome.run(o),
    /** Final decisions of a vacancy's candidates, counted per reason, outcome and source. */
    reasonStats: (vacancyId: number) => stmts.reasonStats.all(vacancyId),

    createOffer: (o: NewOffer) => Number(stmts.insertOffer.run(o).lastInsertRowid),
    offer: (id: number) => stmts.offer.get(id),
    latestOffer: (candidateId: number) => stmts.latestOffer.get(candidateId),
    offersOf: (candidateId: number) => stmts.offersOf.all(candidateId),
    approveAsHead: (id: number, userId: number) => stmts.headApprove.run({ id, userId }).changes > 0,
    approveAsSecond: (id: number, userId: number) => stmts.secondApprove.run({ id, userId }).changes > 0,
    refuse: (id: number, userId: number, note: string) => stmts.refuse.run({ id, userId, note }).changes > 0,
    answer: (id: number, a: { status: 'accepted' | 'declined'; reasonId: number | null; note: string | null; userId: number }) =>
      stmts.answer.run({ ...a, id }).changes > 0,
    /** Ends any offer under way (the candidate was rejected otherwise). */
    withdrawOpen: (candidateId: number) => stmts.withdraw.run(candidateId).changes,
    /** Offers waiting for this user's approval: as head of their department, or as the named second approver. */
    awaitingApproval: (user: { id: number; departmentKey: string }) => stmts.awaiting.all({ dept: user.departmentKey, uid: user.id }),

    secondApproverOf: (vacancyId: number) => stmts.secondApprover.get(vacancyId)?.id ?? null,
    setSecondApprover: (vacancyId: number, userId: number | null) => stmts.setSecondApprover.run(userId, vacancyId),
    candidateLang: (candidateId: number) => stmts.lang.get(candidateId)?.lang ?? null,
    setCandidateLang: (candidateId: number, lang: Lang) => stmts.setLang.run(lang, candidateId),
    /** Candidates of a vacancy per furthest stage reached (kept by triggers, see migration 017). */
    furthestCounts: (vacancyId: number) => stmts.furthest.all(vacancyId),
    furthestStage: (candidateId: number) => stmts.furthestOf.get(candidateId)?.stage ?? null,
  };
}
export type OffersRepo = ReturnType<typeof offersRepo>;
