-- Statistics roll-ups: the numbers of each closed UTC day, computed once from chat_history, chat and
-- user, so that the dashboard reads one row per day instead of every message of the range. A day is
-- closed five minutes after it ended (JooqUsageStats.GRACE); today's numbers stay live. Every closed
-- day gets a row, days without use too, so a missing row means "not computed yet": the application
-- computes it on demand and stores it with INSERT ... ON DUPLICATE KEY UPDATE (several nodes may do so
-- at once; they store the same numbers). A stored day is not recomputed: later deletions of chats do
-- not rewrite the history of what was used.

CREATE TABLE `usage_day` (
  `day`            DATE         NOT NULL,
  `messages`       BIGINT       NOT NULL,
  `answers`        BIGINT       NOT NULL,
  `active_users`   BIGINT       NOT NULL,
  `new_users`      BIGINT       NOT NULL,
  `new_chats`      BIGINT       NOT NULL,
  `input_tokens`   BIGINT       NOT NULL,
  `output_tokens`  BIGINT       NOT NULL,
  `computed`       DATETIME(3)  NOT NULL,
  PRIMARY KEY (`day`)
) /* [jooq ignore start] */ ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci /* [jooq ignore stop] */;

-- Answers and their tokens per model of each closed day; the model is the answer's, else its chat's.
CREATE TABLE `usage_day_model` (
  `day`            DATE          NOT NULL,
  `model`          VARCHAR(100)  NOT NULL,
  `answers`        BIGINT        NOT NULL,
  `input_tokens`   BIGINT        NOT NULL,
  `output_tokens`  BIGINT        NOT NULL,
  PRIMARY KEY (`day`, `model`)
) /* [jooq ignore start] */ ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci /* [jooq ignore stop] */;

-- The highest chat_history id whose day is known to be rolled up correctly. A row with a higher id
-- dated in a closed day (a clock far behind, a transaction that took longer than the grace minutes)
-- makes the application recompute that day; one row, id 1.
CREATE TABLE `usage_rollup_state` (
  `id`          INT     NOT NULL,
  `checked_id`  BIGINT  NOT NULL,
  PRIMARY KEY (`id`)
) /* [jooq ignore start] */ ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci /* [jooq ignore stop] */;

-- Back-fill of the days that are already closed. Written for MySQL 8 and MariaDB alike; the code
-- generator (which only needs the tables) skips it.
/* [jooq ignore start] */
INSERT INTO `usage_rollup_state` (`id`, `checked_id`) SELECT 1, COALESCE(MAX(`id`), 0) FROM `chat_history`;

INSERT INTO `usage_day_model` (`day`, `model`, `answers`, `input_tokens`, `output_tokens`)
SELECT CAST(h.`date` AS DATE), COALESCE(h.`model`, c.`model`), COUNT(*),
       COALESCE(SUM(h.`input_tokens`), 0), COALESCE(SUM(h.`output_tokens`), 0)
FROM `chat_history` h STRAIGHT_JOIN `chat` c ON c.`id` = h.`chat_id`
WHERE h.`role` = 'assistant' AND h.`date` < CAST(CAST(UTC_TIMESTAMP() - INTERVAL 5 MINUTE AS DATE) AS DATETIME)
GROUP BY CAST(h.`date` AS DATE), COALESCE(h.`model`, c.`model`);

INSERT INTO `usage_day` (`day`, `messages`, `answers`, `active_users`, `new_users`, `new_chats`, `input_tokens`, `output_tokens`, `computed`)
SELECT d.`day`, SUM(d.`messages`), SUM(d.`answers`), SUM(d.`active_users`), SUM(d.`new_users`), SUM(d.`new_chats`),
       SUM(d.`input_tokens`), SUM(d.`output_tokens`), UTC_TIMESTAMP(3)
FROM (
  SELECT CAST(h.`date` AS DATE) AS `day`, SUM(h.`role` = 'user') AS `messages`, SUM(h.`role` = 'assistant') AS `answers`,
         0 AS `active_users`, 0 AS `new_users`, 0 AS `new_chats`,
         COALESCE(SUM(h.`input_tokens`), 0) AS `input_tokens`, COALESCE(SUM(h.`output_tokens`), 0) AS `output_tokens`
  FROM `chat_history` h GROUP BY CAST(h.`date` AS DATE)
  UNION ALL
  SELECT CAST(h.`date` AS DATE), 0, 0, COUNT(DISTINCT c.`user_id`), 0, 0, 0, 0
  FROM `chat_history` h STRAIGHT_JOIN `chat` c ON c.`id` = h.`chat_id`
  WHERE h.`role` = 'user' GROUP BY CAST(h.`date` AS DATE)
  UNION ALL
  SELECT CAST(u.`date` AS DATE), 0, 0, 0, COUNT(*), 0, 0, 0 FROM `user` u GROUP BY CAST(u.`date` AS DATE)
  UNION ALL
  SELECT CAST(c.`date` AS DATE), 0, 0, 0, 0, COUNT(*), 0, 0 FROM `chat` c GROUP BY CAST(c.`date` AS DATE)
) d
WHERE d.`day` < CAST(UTC_TIMESTAMP() - INTERVAL 5 MINUTE AS DATE)
GROUP BY d.`day`;

-- the days without use between the first and the last back-filled day (up to 10,000 days)
INSERT INTO `usage_day` (`day`, `messages`, `answers`, `active_users`, `new_users`, `new_chats`, `input_tokens`, `output_tokens`, `computed`)
SELECT b.`first_day` + INTERVAL n.`n` DAY, 0, 0, 0, 0, 0, 0, 0, UTC_TIMESTAMP(3)
FROM (SELECT MIN(`day`) AS `first_day`, MAX(`day`) AS `last_day` FROM `usage_day`) b
JOIN (SELECT d1.n + 10 * d2.n + 100 * d3.n + 1000 * d4.n AS `n`
      FROM (SELECT 0 AS n UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4
            UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9) d1
      CROSS JOIN (SELECT 0 AS n UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4
            UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9) d2
      CROSS JOIN (SELECT 0 AS n UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4
            UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9) d3
      CROSS JOIN (SELECT 0 AS n UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4
            UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9) d4) n
  ON n.`n` <= DATEDIFF(b.`last_day`, b.`first_day`)
LEFT JOIN `usage_day` x ON x.`day` = b.`first_day` + INTERVAL n.`n` DAY
WHERE x.`day` IS NULL;
/* [jooq ignore stop] */
