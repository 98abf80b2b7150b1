-- Suhbat schema, version 1. This file is the single source of truth: Flyway runs it at
-- start-up and jOOQ generates its classes from it at build time (DDLDatabase).
-- Times are UTC, DATETIME(3). Text is utf8mb4. MySQL-only table options sit between
-- jOOQ ignore markers so that the DDL parser skips them.

CREATE TABLE `user` (
  `id`              BIGINT       NOT NULL AUTO_INCREMENT,
  `username`        VARCHAR(64)  NOT NULL,
  `password`        VARCHAR(255) NOT NULL,
  `email`           VARCHAR(254) NOT NULL,
  `date`            DATETIME(3)  NOT NULL,
  `email_verified`  BOOLEAN      NOT NULL DEFAULT FALSE,
  `pending_email`   VARCHAR(254) NULL,
  `blocked`         BOOLEAN      NOT NULL DEFAULT FALSE,
  `blocked_reason`  VARCHAR(500) NULL,
  `message_limit`   INT          NULL,
  `daily_quota`     INT          NULL,
  `last_active`     DATETIME(3)  NULL,
  `language`        VARCHAR(8)   NULL,
  PRIMARY KEY (`id`),
  CONSTRAINT `uk_user_username` UNIQUE (`username`),
  CONSTRAINT `uk_user_email` UNIQUE (`email`)
) /* [jooq ignore start] */ ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci /* [jooq ignore stop] */;

CREATE INDEX `ix_user_date` ON `user` (`date`);

CREATE TABLE `admin` (
  `id`        BIGINT       NOT NULL AUTO_INCREMENT,
  `username`  VARCHAR(64)  NOT NULL,
  `password`  VARCHAR(255) NOT NULL,
  `email`     VARCHAR(254) NOT NULL,
  `date`      DATETIME(3)  NOT NULL,
  `main`      BOOLEAN      NOT NULL DEFAULT FALSE,
  PRIMARY KEY (`id`),
  CONSTRAINT `uk_admin_username` UNIQUE (`username`)
) /* [jooq ignore start] */ ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci /* [jooq ignore stop] */;

CREATE TABLE `chat` (
  `id`             BIGINT        NOT NULL AUTO_INCREMENT,
  `user_id`        BIGINT        NOT NULL,
  `date`           DATETIME(3)   NOT NULL,
  `updated`        DATETIME(3)   NOT NULL,
  `title`          VARCHAR(200)  NOT NULL,
  `model`          VARCHAR(100)  NOT NULL,
  `message_limit`  INT           NOT NULL,
  `used`           INT           NOT NULL DEFAULT 0,
  `closed_reason`  VARCHAR(32)   NULL,
  PRIMARY KEY (`id`),
  CONSTRAINT `fk_chat_user` FOREIGN KEY (`user_id`) REFERENCES `user` (`id`) ON DELETE CASCADE
) /* [jooq ignore start] */ ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci /* [jooq ignore stop] */;

CREATE INDEX `ix_chat_user_updated` ON `chat` (`user_id`, `updated`);
CREATE INDEX `ix_chat_date` ON `chat` (`date`);

CREATE TABLE `chat_history` (
  `id`             BIGINT        NOT NULL AUTO_INCREMENT,
  `chat_id`        BIGINT        NOT NULL,
  `role`           VARCHAR(16)   NOT NULL,
  `content`        MEDIUMTEXT    NOT NULL,
  `date`           DATETIME(3)   NOT NULL,
  `rank`           INT           NOT NULL,
  `status`         VARCHAR(16)   NOT NULL DEFAULT 'complete',
  `model`          VARCHAR(100)  NULL,
  `input_tokens`   INT           NULL,
  `output_tokens`  INT           NULL,
  PRIMARY KEY (`id`),
  CONSTRAINT `uk_chat_history_rank` UNIQUE (`chat_id`, `rank`),
  CONSTRAINT `fk_chat_history_chat` FOREIGN KEY (`chat_id`) REFERENCES `chat` (`id`) ON DELETE CASCADE
) /* [jooq ignore start] */ ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci /* [jooq ignore stop] */;

CREATE INDEX `ix_chat_history_date_role` ON `chat_history` (`date`, `role`);

CREATE TABLE `model` (
  `id`            BIGINT        NOT NULL AUTO_INCREMENT,
  `name`          VARCHAR(100)  NOT NULL,
  `description`   VARCHAR(1000) NULL,
  `base_model`    VARCHAR(100)  NOT NULL,
  `instructions`  TEXT          NULL,
  `file`          VARCHAR(255)  NOT NULL,
  `vector`        VARCHAR(64)   NOT NULL,
  `status`        VARCHAR(16)   NOT NULL,
  `status_reason` VARCHAR(500)  NULL,
  `pages_total`   INT           NOT NULL DEFAULT 0,
  `pages_done`    INT           NOT NULL DEFAULT 0,
  `chunks_done`   INT           NOT NULL DEFAULT 0,
  `launched`      BOOLEAN       NOT NULL DEFAULT FALSE,
  `date`          DATETIME(3)   NOT NULL,
  PRIMARY KEY (`id`)
) /* [jooq ignore start] */ ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci /* [jooq ignore stop] */;

CREATE TABLE `model_chunk` (
  `id`        BIGINT     NOT NULL AUTO_INCREMENT,
  `model_id`  BIGINT     NOT NULL,
  `seq`       INT        NOT NULL,
  `page`      INT        NOT NULL,
  `text`      TEXT       NOT NULL,
  `vector`    BLOB       NOT NULL,
  PRIMARY KEY (`id`),
  CONSTRAINT `uk_model_chunk_seq` UNIQUE (`model_id`, `seq`),
  CONSTRAINT `fk_model_chunk_model` FOREIGN KEY (`model_id`) REFERENCES `model` (`id`) ON DELETE CASCADE
) /* [jooq ignore start] */ ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci /* [jooq ignore stop] */;

CREATE TABLE `setting` (
  `name`   VARCHAR(64)   NOT NULL,
  `value`  VARCHAR(1000) NOT NULL,
  PRIMARY KEY (`name`)
) /* [jooq ignore start] */ ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci /* [jooq ignore stop] */;
