CREATE TABLE `accounts` (
	`id` text PRIMARY KEY NOT NULL,
	`creator_id` text NOT NULL,
	`platform` text NOT NULL,
	`url` text NOT NULL,
	`username` text,
	`method` text NOT NULL,
	`token` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`verified_at` text,
	`checked_at` text,
	`fail_count` integer DEFAULT 0 NOT NULL,
	`failure` text,
	`evidence` text,
	`log_index` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`creator_id`) REFERENCES `creators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `accounts_creator_idx` ON `accounts` (`creator_id`);--> statement-breakpoint
CREATE INDEX `accounts_platform_idx` ON `accounts` (`platform`,`status`,`creator_id`);--> statement-breakpoint
CREATE INDEX `accounts_url_idx` ON `accounts` (`url`);--> statement-breakpoint
CREATE INDEX `accounts_recheck_idx` ON `accounts` (`status`,`checked_at`);--> statement-breakpoint
CREATE TABLE `api_keys` (
	`id` text PRIMARY KEY NOT NULL,
	`brand_id` text NOT NULL,
	`name` text NOT NULL,
	`prefix` text NOT NULL,
	`key_hash` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`last_used_at` text,
	`revoked_at` text,
	FOREIGN KEY (`brand_id`) REFERENCES `brands`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_keys_key_hash_unique` ON `api_keys` (`key_hash`);--> statement-breakpoint
CREATE INDEX `api_keys_brand_idx` ON `api_keys` (`brand_id`);--> statement-breakpoint
CREATE TABLE `brand_members` (
	`brand_id` text NOT NULL,
	`user_id` text NOT NULL,
	`role` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	PRIMARY KEY(`brand_id`, `user_id`),
	FOREIGN KEY (`brand_id`) REFERENCES `brands`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `brand_members_user_idx` ON `brand_members` (`user_id`);--> statement-breakpoint
CREATE TABLE `brands` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`domain` text NOT NULL,
	`token` text NOT NULL,
	`domain_verified_at` text,
	`checked_at` text,
	`failure` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `brands_domain_idx` ON `brands` (`domain`,`domain_verified_at`);--> statement-breakpoint
CREATE TABLE `checkpoints` (
	`size` integer PRIMARY KEY NOT NULL,
	`root_hash` text NOT NULL,
	`note` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `counters` (
	`name` text PRIMARY KEY NOT NULL,
	`value` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `creator_niches` (
	`creator_id` text NOT NULL,
	`niche` text NOT NULL,
	PRIMARY KEY(`niche`, `creator_id`),
	FOREIGN KEY (`creator_id`) REFERENCES `creators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `creator_niches_creator_idx` ON `creator_niches` (`creator_id`);--> statement-breakpoint
CREATE TABLE `creators` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`handle` text NOT NULL,
	`display_name` text NOT NULL,
	`bio` text DEFAULT '' NOT NULL,
	`country` text,
	`languages` text DEFAULT '[]' NOT NULL,
	`niches` text DEFAULT '[]' NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`pledge_status` text DEFAULT 'none' NOT NULL,
	`pledge_version` integer,
	`pledge_sha256` text,
	`pledge_signed_at` text,
	`pledge_log_index` integer,
	`score` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `creators_user_id_unique` ON `creators` (`user_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `creators_handle_unique` ON `creators` (`handle`);--> statement-breakpoint
CREATE INDEX `creators_country_idx` ON `creators` (`country`);--> statement-breakpoint
CREATE INDEX `creators_pledge_idx` ON `creators` (`pledge_status`,`pledge_signed_at`);--> statement-breakpoint
CREATE INDEX `creators_signed_at_idx` ON `creators` (`pledge_signed_at`);--> statement-breakpoint
CREATE INDEX `creators_score_idx` ON `creators` (`score`);--> statement-breakpoint
CREATE INDEX `creators_name_idx` ON `creators` (`display_name`);--> statement-breakpoint
CREATE TABLE `disclosures` (
	`id` text PRIMARY KEY NOT NULL,
	`creator_id` text NOT NULL,
	`brand_name` text NOT NULL,
	`brand_domain` text,
	`post_url` text NOT NULL,
	`platform` text NOT NULL,
	`media` text NOT NULL,
	`relationship` text NOT NULL,
	`jurisdictions` text NOT NULL,
	`posted_at` text NOT NULL,
	`recorded_at` text NOT NULL,
	`caption` text NOT NULL,
	`overlay` text,
	`platform_tool` integer NOT NULL,
	`retouched` integer NOT NULL,
	`ai_generated` integer NOT NULL,
	`verdict` text NOT NULL,
	`findings` text NOT NULL,
	`ruleset` text NOT NULL,
	`supersedes` text,
	`superseded_by` text,
	`amend_note` text,
	`brand_status` text DEFAULT 'none' NOT NULL,
	`brand_note` text,
	`brand_acted_at` text,
	`log_index` integer,
	FOREIGN KEY (`creator_id`) REFERENCES `creators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `disclosures_creator_idx` ON `disclosures` (`creator_id`,`recorded_at`,`id`);--> statement-breakpoint
CREATE INDEX `disclosures_brand_domain_idx` ON `disclosures` (`brand_domain`,`recorded_at`);--> statement-breakpoint
CREATE INDEX `disclosures_supersedes_idx` ON `disclosures` (`supersedes`);--> statement-breakpoint
CREATE TABLE `idempotency_keys` (
	`scope` text NOT NULL,
	`key` text NOT NULL,
	`request_hash` text NOT NULL,
	`status` integer NOT NULL,
	`response` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	PRIMARY KEY(`scope`, `key`)
);
--> statement-breakpoint
CREATE TABLE `log_entries` (
	`idx` integer PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`subject` text NOT NULL,
	`body` text NOT NULL,
	`leaf_hash` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `log_entries_subject_idx` ON `log_entries` (`subject`,`idx`);--> statement-breakpoint
CREATE TABLE `log_nodes` (
	`level` integer NOT NULL,
	`idx` integer NOT NULL,
	`hash` blob NOT NULL,
	PRIMARY KEY(`level`, `idx`)
);
--> statement-breakpoint
CREATE TABLE `login_tokens` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`expires_at` text NOT NULL,
	`used_at` text
);
--> statement-breakpoint
CREATE INDEX `login_tokens_email_idx` ON `login_tokens` (`email`,`created_at`);--> statement-breakpoint
CREATE TABLE `manifesto_versions` (
	`version` integer PRIMARY KEY NOT NULL,
	`published_at` text NOT NULL,
	`text_fr` text NOT NULL,
	`text_en` text NOT NULL,
	`sha256_fr` text NOT NULL,
	`sha256_en` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`to` text NOT NULL,
	`subject` text NOT NULL,
	`text` text NOT NULL,
	`links` text NOT NULL,
	`sent_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `pledges` (
	`id` text PRIMARY KEY NOT NULL,
	`creator_id` text NOT NULL,
	`version` integer NOT NULL,
	`sha256` text NOT NULL,
	`lang` text NOT NULL,
	`statement` text,
	`status` text NOT NULL,
	`signed_at` text NOT NULL,
	`ended_at` text,
	`end_reason` text,
	`log_index` integer,
	FOREIGN KEY (`creator_id`) REFERENCES `creators`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`version`) REFERENCES `manifesto_versions`(`version`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `pledges_creator_idx` ON `pledges` (`creator_id`,`signed_at`);--> statement-breakpoint
CREATE INDEX `pledges_version_idx` ON `pledges` (`version`);--> statement-breakpoint
CREATE INDEX `pledges_status_idx` ON `pledges` (`status`,`signed_at`);--> statement-breakpoint
CREATE TABLE `rate_counters` (
	`key` text PRIMARY KEY NOT NULL,
	`window_start` integer NOT NULL,
	`count` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `reports` (
	`id` text PRIMARY KEY NOT NULL,
	`creator_id` text NOT NULL,
	`post_url` text NOT NULL,
	`reason` text NOT NULL,
	`evidence` text NOT NULL,
	`reporter_hash` text NOT NULL,
	`contact_hash` text,
	`status` text DEFAULT 'open' NOT NULL,
	`response_action` text,
	`response_note` text,
	`responded_at` text,
	`decision` text,
	`decision_reason` text,
	`decided_at` text,
	`log_index` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`creator_id`) REFERENCES `creators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `reports_creator_idx` ON `reports` (`creator_id`,`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `reports_status_idx` ON `reports` (`status`,`created_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `reports_dedupe_idx` ON `reports` (`creator_id`,`post_url`,`reporter_hash`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id_hash` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`expires_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `trust_stats` (
	`creator_id` text PRIMARY KEY NOT NULL,
	`disclosures_total` integer DEFAULT 0 NOT NULL,
	`by_relationship` text DEFAULT '{}' NOT NULL,
	`by_verdict` text DEFAULT '{}' NOT NULL,
	`brand_confirmed` integer DEFAULT 0 NOT NULL,
	`brand_disputed` integer DEFAULT 0 NOT NULL,
	`amended` integer DEFAULT 0 NOT NULL,
	`days_to_record` text DEFAULT '{}' NOT NULL,
	`last_recorded_at` text,
	`accounts_verified` integer DEFAULT 0 NOT NULL,
	`reports_open` integer DEFAULT 0 NOT NULL,
	`reports_upheld` text DEFAULT '[]' NOT NULL,
	`response_hours` text DEFAULT '{}' NOT NULL,
	`log_count` integer DEFAULT 0 NOT NULL,
	`last_log_index` integer,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`creator_id`) REFERENCES `creators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);