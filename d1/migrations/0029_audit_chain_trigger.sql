-- The audit log stays append-only; the one update allowed is the sealer's: giving a row that has no
-- hash yet its place in the chain (seq, prev_hash, hash), every other column unchanged.
DROP TRIGGER IF EXISTS `audit_events_no_update`;
--> statement-breakpoint
CREATE TRIGGER `audit_events_no_update` BEFORE UPDATE ON `audit_events`
WHEN OLD.`hash` IS NOT NULL
  OR NEW.`hash` IS NULL
  OR NEW.`seq` IS NULL
  OR NEW.`id` IS NOT OLD.`id`
  OR NEW.`type` IS NOT OLD.`type`
  OR NEW.`user_id` IS NOT OLD.`user_id`
  OR NEW.`actor_id` IS NOT OLD.`actor_id`
  OR NEW.`session_id` IS NOT OLD.`session_id`
  OR NEW.`ip_hash` IS NOT OLD.`ip_hash`
  OR NEW.`data` IS NOT OLD.`data`
  OR NEW.`created_at` IS NOT OLD.`created_at`
BEGIN
  SELECT RAISE(ABORT, 'audit_events is append-only');
END;
