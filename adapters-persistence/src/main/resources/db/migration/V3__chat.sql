-- Chats: the PDF passages an answer drew on, and the admin's default chat limit lives in `setting`.

CREATE TABLE `message_source` (
  `id`               BIGINT   NOT NULL AUTO_INCREMENT,
  `chat_history_id`  BIGINT   NOT NULL,
  `page`             INT      NOT NULL,
  `text`             TEXT     NOT NULL,
  PRIMARY KEY (`id`),
  CONSTRAINT `fk_message_source_history` FOREIGN KEY (`chat_history_id`) REFERENCES `chat_history` (`id`) ON DELETE CASCADE
) /* [jooq ignore start] */ ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci /* [jooq ignore stop] */;
