-- Files attached to messages (issue 16): uploaded first (pending: `chat_id` NULL, owned by the user), then bound to the
-- chat and the rank of the question they were sent with. The bytes live here, not on a node's disk, so every node
-- serves them; the text read out of a document is kept per page. Deleted with the chat and with the user; pending
-- uploads never sent are deleted by the clean-up after a day.

CREATE TABLE `attachment` (
  `id`            BIGINT        NOT NULL AUTO_INCREMENT,
  `user_id`       BIGINT        NOT NULL,
  `chat_id`       BIGINT        NULL,
  `message_rank`  INT           NULL,
  `name`          VARCHAR(255)  NOT NULL,
  `kind`          VARCHAR(8)    NOT NULL,
  `size`          BIGINT        NOT NULL,
  `pages`         INT           NOT NULL,
  `tokens`        INT           NOT NULL,
  `created`       DATETIME(3)   NOT NULL,
  `content`       LONGBLOB      NOT NULL,
  PRIMARY KEY (`id`),
  CONSTRAINT `fk_attachment_user` FOREIGN KEY (`user_id`) REFERENCES `user` (`id`) ON DELETE CASCADE,
  CONSTRAINT `fk_attachment_chat` FOREIGN KEY (`chat_id`) REFERENCES `chat` (`id`) ON DELETE CASCADE
) /* [jooq ignore start] */ ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci /* [jooq ignore stop] */;

CREATE INDEX `ix_attachment_chat_rank` ON `attachment` (`chat_id`, `message_rank`);
CREATE INDEX `ix_attachment_pending` ON `attachment` (`chat_id`, `created`);

CREATE TABLE `attachment_page` (
  `attachment_id`  BIGINT      NOT NULL,
  `page`           INT         NOT NULL,
  `text`           MEDIUMTEXT  NOT NULL,
  PRIMARY KEY (`attachment_id`, `page`),
  CONSTRAINT `fk_attachment_page_attachment` FOREIGN KEY (`attachment_id`) REFERENCES `attachment` (`id`) ON DELETE CASCADE
) /* [jooq ignore start] */ ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci /* [jooq ignore stop] */;
