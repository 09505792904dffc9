-- A record can be superseded once: a second amendment of the same record fails in its batch.
CREATE UNIQUE INDEX `disclosures_supersedes_once` ON `disclosures` (`supersedes`) WHERE `supersedes` IS NOT NULL;
