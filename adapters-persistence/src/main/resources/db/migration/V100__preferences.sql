-- What people set for themselves (issue 16). A user's custom instructions ("What should Suhbat know
-- about you?", "How should Suhbat answer?", each at most 1500 characters, and whether they are on)
-- and the theme of the pages: 'light', 'dark' or 'system' (NULL: 'system').

CREATE TABLE `user_preference` (
  `user_id`          BIGINT      NOT NULL,
  `about_you`        TEXT        NULL,
  `how_to_answer`    TEXT        NULL,
  `instructions_on`  BOOLEAN     NOT NULL DEFAULT FALSE,
  `theme`            VARCHAR(8)  NULL,
  PRIMARY KEY (`user_id`),
  CONSTRAINT `fk_user_preference_user` FOREIGN KEY (`user_id`) REFERENCES `user` (`id`) ON DELETE CASCADE
) /* [jooq ignore start] */ ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci /* [jooq ignore stop] */;

-- The custom instructions a chat started with: every answer of the chat begins with them, whatever the
-- user changes later. Gone with the chat.
CREATE TABLE `chat_instructions` (
  `chat_id`        BIGINT  NOT NULL,
  `about_you`      TEXT    NOT NULL,
  `how_to_answer`  TEXT    NOT NULL,
  PRIMARY KEY (`chat_id`),
  CONSTRAINT `fk_chat_instructions_chat` FOREIGN KEY (`chat_id`) REFERENCES `chat` (`id`) ON DELETE CASCADE
) /* [jooq ignore start] */ ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci /* [jooq ignore stop] */;

ALTER TABLE `admin` ADD COLUMN `theme` VARCHAR(8) NULL;
