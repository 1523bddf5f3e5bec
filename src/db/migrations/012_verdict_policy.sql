-- Each vacancy's verdict policy. Knockouts are its checklist items of kind 'knockout'; "pass" needs every
-- knockout met and at least this many of its 'required' items met (capped at how many there are).
ALTER TABLE vacancies ADD COLUMN min_required_met INTEGER NOT NULL DEFAULT 2 CHECK (min_required_met >= 0);

-- Why each verdict is what it is, stored with it so pages read the reason without recomputing it:
-- the rule that decided (pass, reject_knockout, review_knockout_b2b, review_knockout_unknown, review_required)
-- and the checklist keys behind it (a JSON array), for the tool's proposal and for the verdict after HR's
-- confirmations. NULL for screenings stored before this column existed.
ALTER TABLE screenings ADD COLUMN proposed_rule TEXT;
ALTER TABLE screenings ADD COLUMN proposed_decisive TEXT;
ALTER TABLE screenings ADD COLUMN rule TEXT;
ALTER TABLE screenings ADD COLUMN decisive TEXT;

-- When an item has no quote: why it is not met or unknown, {"ru": "…", "en": "…"}.
ALTER TABLE screening_items ADD COLUMN reason TEXT;
