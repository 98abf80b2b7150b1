-- Conversation controls of issue 15 (part 2): titles written by a model, pinned and archived chats,
-- read-only share links and feedback on answers.

-- `title_source`: where the chat's title came from. 'words': the first words of the first message;
-- 'pending': a model is writing one; 'model': the model wrote it; 'user': the user renamed the chat
-- (a model's title never replaces it). `pinned_at`/`archived_at`: null when not pinned/archived.
ALTER TABLE `chat` ADD COLUMN `title_source` VARCHAR(16) NOT NULL DEFAULT 'words';
ALTER TABLE `chat` ADD COLUMN `pinned_at` DATETIME(3) NULL;
ALTER TABLE `chat` ADD COLUMN `archived_at` DATETIME(3) NULL;

-- A read-only link to a chat as it was when shared: the messages are copied, so later messages, edits
-- and regenerated answers do not show. One link per chat at most (sharing again replaces it); the token
-- is a random secret; revoking deletes the row; deleting the chat deletes the link.
CREATE TABLE `chat_share` (
  `id`        BIGINT        NOT NULL AUTO_INCREMENT,
  `chat_id`   BIGINT        NOT NULL,
  `token`     VARCHAR(64)   NOT NULL,
  `title`     VARCHAR(200)  NOT NULL,
  `model`     VARCHAR(100)  NOT NULL,
  `created`   DATETIME(3)   NOT NULL,
  PRIMARY KEY (`id`),
  CONSTRAINT `uk_chat_share_chat` UNIQUE (`chat_id`),
  CONSTRAINT `uk_chat_share_token` UNIQUE (`token`),
  CONSTRAINT `fk_chat_share_chat` FOREIGN KEY (`chat_id`) REFERENCES `chat` (`id`) ON DELETE CASCADE
) /* [jooq ignore start] */ ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci /* [jooq ignore stop] */;

CREATE TABLE `chat_share_message` (
  `share_id`  BIGINT        NOT NULL,
  `rank`      INT           NOT NULL,
  `role`      VARCHAR(16)   NOT NULL,
  `content`   MEDIUMTEXT    NOT NULL,
  `date`      DATETIME(3)   NOT NULL,
  PRIMARY KEY (`share_id`, `rank`),
  CONSTRAINT `fk_chat_share_message_share` FOREIGN KEY (`share_id`) REFERENCES `chat_share` (`id`) ON DELETE CASCADE
) /* [jooq ignore start] */ ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci /* [jooq ignore stop] */;

-- Thumbs up (1) or down (-1) with an optional comment, one per answer; `model` is the answer's model
-- (copied, so the rate per model survives a model's removal); kept with the answer.
CREATE TABLE `message_feedback` (
  `chat_history_id`  BIGINT         NOT NULL,
  `chat_id`          BIGINT         NOT NULL,
  `model`            VARCHAR(100)   NOT NULL,
  `rating`           TINYINT        NOT NULL,
  `comment`          VARCHAR(1000)  NULL,
  `date`             DATETIME(3)    NOT NULL,
  PRIMARY KEY (`chat_history_id`),
  CONSTRAINT `fk_message_feedback_history` FOREIGN KEY (`chat_history_id`) REFERENCES `chat_history` (`id`) ON DELETE CASCADE,
  CONSTRAINT `fk_message_feedback_chat` FOREIGN KEY (`chat_id`) REFERENCES `chat` (`id`) ON DELETE CASCADE
) /* [jooq ignore start] */ ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci /* [jooq ignore stop] */;

CREATE INDEX `ix_message_feedback_model` ON `message_feedback` (`model`, `rating`);
