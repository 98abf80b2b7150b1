-- Attempt counters for sign-in, registration and account mail, shared by every node, so that N
-- nodes allow as many attempts as one. The key is a SHA-256 of scope and key (no e-mail or client
-- address is stored as such). A row can be deleted once `forgettable` has passed (its window and any
-- penalty it could carry are over); one node deletes such rows every minute, so the table stays as
-- small as the attempts of the last hour.
CREATE TABLE `throttle` (
  `key_hash`      CHAR(64)     NOT NULL,
  `attempts`      INT          NOT NULL,
  `window_start`  DATETIME(3)  NOT NULL,
  `last_attempt`  DATETIME(3)  NOT NULL,
  `forgettable`   DATETIME(3)  NOT NULL,
  PRIMARY KEY (`key_hash`)
) /* [jooq ignore start] */ ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci /* [jooq ignore stop] */;

CREATE INDEX `ix_throttle_forgettable` ON `throttle` (`forgettable`);

-- Secrets every node shares, created at random by the first node that needs one (the key that signs
-- known-device cookies).
CREATE TABLE `cluster_secret` (
  `name`   VARCHAR(64)  NOT NULL,
  `value`  VARBINARY(64) NOT NULL,
  PRIMARY KEY (`name`)
) /* [jooq ignore start] */ ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci /* [jooq ignore stop] */;
