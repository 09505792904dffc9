-- Profile reads fetch only verified and lapsed accounts of one creator: an index on both.
CREATE INDEX `accounts_creator_status_idx` ON `accounts` (`creator_id`, `status`);
--> statement-breakpoint
-- Directory sorts walk these in order (id breaks ties), so a page needs no temporary sort.
CREATE INDEX `creators_score_id_idx` ON `creators` (`score`, `id`);
--> statement-breakpoint
CREATE INDEX `creators_signed_id_idx` ON `creators` (`pledge_signed_at`, `id`);
--> statement-breakpoint
CREATE INDEX `creators_name_id_idx` ON `creators` (`display_name`, `id`);
