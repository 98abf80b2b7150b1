-- Accounts: sessions that must end together, single-use mail tokens, devices that stay signed in.

ALTER TABLE `user` ADD COLUMN `session_epoch` INT NOT NULL DEFAULT 0;

CREATE TABLE `user_token` (
  `id`          BIGINT        NOT NULL AUTO_INCREMENT,
  `user_id`     BIGINT        NOT NULL,
  `purpose`     VARCHAR(24)   NOT NULL,
  `token_hash`  CHAR(64)      NOT NULL,
  `email`       VARCHAR(254)  NULL,
  `expires`     DATETIME(3)   NOT NULL,
  PRIMARY KEY (`id`),
  CONSTRAINT `uk_user_token_hash` UNIQUE (`token_hash`),
  CONSTRAINT `fk_user_token_user` FOREIGN KEY (`user_id`) REFERENCES `user` (`id`) ON DELETE CASCADE
) /* [jooq ignore start] */ ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci /* [jooq ignore stop] */;

CREATE INDEX `ix_user_token_user_purpose` ON `user_token` (`user_id`, `purpose`);

CREATE TABLE `device_login` (
  `id`              BIGINT        NOT NULL AUTO_INCREMENT,
  `series`          VARCHAR(64)   NOT NULL,
  `user_id`         BIGINT        NOT NULL,
  `token_hash`      CHAR(64)      NOT NULL,
  `previous_hash`   CHAR(64)      NULL,
  `rotated`         DATETIME(3)   NOT NULL,
  `created`         DATETIME(3)   NOT NULL,
  `last_used`       DATETIME(3)   NOT NULL,
  `user_agent`      VARCHAR(255)  NULL,
  PRIMARY KEY (`id`),
  CONSTRAINT `uk_device_login_series` UNIQUE (`series`),
  CONSTRAINT `fk_device_login_user` FOREIGN KEY (`user_id`) REFERENCES `user` (`id`) ON DELETE CASCADE
) /* [jooq ignore start] */ ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci /* [jooq ignore stop] */;

CREATE INDEX `ix_device_login_user` ON `device_login` (`user_id`, `last_used`);
