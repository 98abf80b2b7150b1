-- Personal API keys (issue 19): a user's keys for the OpenAI-compatible API under /v1.
-- Only the SHA-256 of a key is kept (the key is 256 random bits, shown once), with its first
-- characters (`prefix`) so that the owner can tell the keys apart. A revoked key keeps its row,
-- so that the admin's per-key usage still names it; deleting the user deletes the keys.
CREATE TABLE `api_key` (
  `id`         BIGINT        NOT NULL AUTO_INCREMENT,
  `user_id`    BIGINT        NOT NULL,
  `name`       VARCHAR(100)  NOT NULL,
  `prefix`     VARCHAR(32)   NOT NULL,
  `hash`       CHAR(64)      NOT NULL,
  `created`    DATETIME(3)   NOT NULL,
  `last_used`  DATETIME(3)   NULL,
  `revoked`    DATETIME(3)   NULL,
  PRIMARY KEY (`id`),
  CONSTRAINT `uk_api_key_hash` UNIQUE (`hash`),
  CONSTRAINT `fk_api_key_user` FOREIGN KEY (`user_id`) REFERENCES `user` (`id`) ON DELETE CASCADE
) /* [jooq ignore start] */ ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci /* [jooq ignore stop] */;

CREATE INDEX `ix_api_key_user` ON `api_key` (`user_id`, `revoked`);

-- What each key used, per UTC day and model: requests and tokens. Counted by one
-- INSERT ... ON DUPLICATE KEY UPDATE per answered request, so nodes never overwrite each other.
CREATE TABLE `api_usage` (
  `key_id`         BIGINT       NOT NULL,
  `day`            DATE         NOT NULL,
  `model`          VARCHAR(100) NOT NULL,
  `requests`       INT          NOT NULL DEFAULT 0,
  `input_tokens`   BIGINT       NOT NULL DEFAULT 0,
  `output_tokens`  BIGINT       NOT NULL DEFAULT 0,
  PRIMARY KEY (`key_id`, `day`, `model`),
  CONSTRAINT `fk_api_usage_key` FOREIGN KEY (`key_id`) REFERENCES `api_key` (`id`) ON DELETE CASCADE
) /* [jooq ignore start] */ ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci /* [jooq ignore stop] */;

CREATE INDEX `ix_api_usage_day` ON `api_usage` (`day`);

-- The question and answer of an API call, kept only when API_STORE_CONTENT is on (off by default).
CREATE TABLE `api_exchange` (
  `id`        BIGINT        NOT NULL AUTO_INCREMENT,
  `key_id`    BIGINT        NOT NULL,
  `date`      DATETIME(3)   NOT NULL,
  `model`     VARCHAR(100)  NOT NULL,
  `question`  MEDIUMTEXT    NOT NULL,
  `answer`    MEDIUMTEXT    NOT NULL,
  PRIMARY KEY (`id`),
  CONSTRAINT `fk_api_exchange_key` FOREIGN KEY (`key_id`) REFERENCES `api_key` (`id`) ON DELETE CASCADE
) /* [jooq ignore start] */ ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci /* [jooq ignore stop] */;

-- The admin can turn the API off for one user; the switch for everyone is the `setting` row `api_access`.
ALTER TABLE `user` ADD COLUMN `api_disabled` BOOLEAN NOT NULL DEFAULT FALSE;
