CREATE TABLE `log_edges` (
	`size` integer NOT NULL,
	`start` integer NOT NULL,
	`hash` blob NOT NULL,
	PRIMARY KEY(`size`, `start`)
);
