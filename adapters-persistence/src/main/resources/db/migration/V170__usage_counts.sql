-- Statistics counted as messages are written (UsageCounts), so that no dashboard view reads the day's messages:
-- usage_count holds, per UTC day, role and model (the answer's, else its chat's; '' for other roles), the number of
-- messages and their tokens. Each write adds to it in the same transaction as the message row (an upsert that adds;
-- the row and its count commit or roll back together, whichever node writes), spread over `slot` (the chat id
-- modulo 8) so that concurrent chats rarely wait for the same counter row. usage_day_user holds each (day, user)
-- that wrote a message that day: the day's active users are its row count, and writing it twice changes nothing.
-- A closed day is rolled up into usage_day from these two tables (JooqUsageStats), the open days are read from them.
CREATE TABLE `usage_count` (
  `day`            DATE          NOT NULL,
  `role`           VARCHAR(16)   NOT NULL,
  `model`          VARCHAR(100)  NOT NULL,
  `slot`           INT           NOT NULL,
  `messages`       BIGINT        NOT NULL,
  `input_tokens`   BIGINT        NOT NULL,
  `output_tokens`  BIGINT        NOT NULL,
  PRIMARY KEY (`day`, `role`, `model`, `slot`)
) /* [jooq ignore start] */ ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci /* [jooq ignore stop] */;

CREATE TABLE `usage_day_user` (
  `day`      DATE    NOT NULL,
  `user_id`  BIGINT  NOT NULL,
  PRIMARY KEY (`day`, `user_id`)
) /* [jooq ignore start] */ ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci /* [jooq ignore stop] */;

-- Back-fill from the existing messages, every day (one pass over the statistics index and the chats; about as long
-- as V50's back-fill). Written for MySQL 8 and MariaDB alike; the code generator skips it.
/* [jooq ignore start] */
INSERT INTO `usage_count` (`day`, `role`, `model`, `slot`, `messages`, `input_tokens`, `output_tokens`)
SELECT CAST(h.`date` AS DATE), h.`role`,
       CASE WHEN h.`role` = 'assistant' THEN COALESCE(h.`model`, c.`model`, '') ELSE '' END,
       h.`chat_id` % 8, COUNT(*), COALESCE(SUM(h.`input_tokens`), 0), COALESCE(SUM(h.`output_tokens`), 0)
FROM `chat_history` h STRAIGHT_JOIN `chat` c ON c.`id` = h.`chat_id`
GROUP BY CAST(h.`date` AS DATE), h.`role`, CASE WHEN h.`role` = 'assistant' THEN COALESCE(h.`model`, c.`model`, '') ELSE '' END,
         h.`chat_id` % 8;

INSERT INTO `usage_day_user` (`day`, `user_id`)
SELECT DISTINCT CAST(h.`date` AS DATE), c.`user_id`
FROM `chat_history` h STRAIGHT_JOIN `chat` c ON c.`id` = h.`chat_id`
WHERE h.`role` = 'user';
/* [jooq ignore stop] */
