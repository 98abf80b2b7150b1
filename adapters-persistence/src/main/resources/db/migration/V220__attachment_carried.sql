-- A file attached to a question is kept by the question's edited versions (issue 16, session 6): the edited version
-- names the same file again, so its bytes, its page texts and its search index (cached per attachment id) are not
-- copied. `attachment.message_rank` stays the question the file was sent with; each row here adds one later version
-- of the same chat that carries it. Deleted with the file and with the chat.

CREATE TABLE `attachment_carried` (
  `chat_id`        BIGINT  NOT NULL,
  `message_rank`   INT     NOT NULL,
  `attachment_id`  BIGINT  NOT NULL,
  PRIMARY KEY (`chat_id`, `message_rank`, `attachment_id`),
  CONSTRAINT `fk_attachment_carried_chat` FOREIGN KEY (`chat_id`) REFERENCES `chat` (`id`) ON DELETE CASCADE,
  CONSTRAINT `fk_attachment_carried_attachment` FOREIGN KEY (`attachment_id`) REFERENCES `attachment` (`id`) ON DELETE CASCADE
) /* [jooq ignore start] */ ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci /* [jooq ignore stop] */;

CREATE INDEX `ix_attachment_carried_attachment` ON `attachment_carried` (`attachment_id`);
