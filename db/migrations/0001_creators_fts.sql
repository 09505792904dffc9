-- Full-text search over handle, display name, bio and niches (SQLite FTS5, external content).
-- Triggers keep the index in step with every write to creators.
CREATE VIRTUAL TABLE `creators_fts` USING fts5(
	handle, display_name, bio, niches,
	content='creators', content_rowid='rowid',
	tokenize='unicode61 remove_diacritics 2'
);
--> statement-breakpoint
CREATE TRIGGER `creators_fts_ai` AFTER INSERT ON `creators` BEGIN
	INSERT INTO creators_fts(rowid, handle, display_name, bio, niches)
	VALUES (new.rowid, new.handle, new.display_name, new.bio, new.niches);
END;
--> statement-breakpoint
CREATE TRIGGER `creators_fts_ad` AFTER DELETE ON `creators` BEGIN
	INSERT INTO creators_fts(creators_fts, rowid, handle, display_name, bio, niches)
	VALUES ('delete', old.rowid, old.handle, old.display_name, old.bio, old.niches);
END;
--> statement-breakpoint
CREATE TRIGGER `creators_fts_au` AFTER UPDATE OF handle, display_name, bio, niches ON `creators` BEGIN
	INSERT INTO creators_fts(creators_fts, rowid, handle, display_name, bio, niches)
	VALUES ('delete', old.rowid, old.handle, old.display_name, old.bio, old.niches);
	INSERT INTO creators_fts(rowid, handle, display_name, bio, niches)
	VALUES (new.rowid, new.handle, new.display_name, new.bio, new.niches);
END;
