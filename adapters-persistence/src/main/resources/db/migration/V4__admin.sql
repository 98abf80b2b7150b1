-- Admin panel: the audit log of admin actions, and an index that answers the daily statistics
-- from the index alone (no visit to the rows with their MEDIUMTEXT content).

CREATE TABLE `admin_audit` (
  `id`              BIGINT         NOT NULL AUTO_INCREMENT,
  `admin_id`        BIGINT         NOT NULL,
  `admin_username`  VARCHAR(64)    NOT NULL,
  `date`            DATETIME(3)    NOT NULL,
  `action`          VARCHAR(40)    NOT NULL,
  `target`          VARCHAR(300)   NOT NULL,
  `detail`          VARCHAR(1000)  NOT NULL,
  PRIMARY KEY (`id`)
) /* [jooq ignore start] */ ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci /* [jooq ignore stop] */;

CREATE INDEX `ix_admin_audit_date` ON `admin_audit` (`date`);

CREATE INDEX `ix_chat_history_stats` ON `chat_history` (`date`, `role`, `chat_id`, `model`, `input_tokens`, `output_tokens`);
CREATE INDEX `ix_chat_history_chat_role` ON `chat_history` (`chat_id`, `role`);
CREATE INDEX `ix_chat_model` ON `chat` (`model`);
