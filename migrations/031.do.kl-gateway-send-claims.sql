-- KL Gateway sending follows the outbox's pattern (claim → send after commit → record): a short
-- transaction claims the queued reports (claimed_at, claim_id) so that no other sender (the nightly
-- job, a staff member's "send now", a second server) sends the same report at the same time; the
-- answer is recorded only on the claim's own rows. A claim left by a process that died while sending
-- may be taken over after a while: the resend carries the same Bundle id as Idempotency-Key, so the
-- gateway recognises it.
ALTER TABLE kl_report ADD COLUMN claimed_at timestamptz;
ALTER TABLE kl_report ADD COLUMN claim_id uuid;
