-- Daily message quotas: how many messages each user sent on each (UTC) day while a quota applied to
-- them. The limit itself is `user`.`daily_quota` (the user's own) or the `setting` named
-- daily_message_quota (everyone else's); no quota means nothing is counted.

CREATE TABLE `user_daily_usage` (
  `user_id`   BIGINT  NOT NULL,
  `day`       DATE    NOT NULL,
  `messages`  INT     NOT NULL,
  PRIMARY KEY (`user_id`, `day`),
  CONSTRAINT `fk_user_daily_usage_user` FOREIGN KEY (`user_id`) REFERENCES `user` (`id`) ON DELETE CASCADE
) /* [jooq ignore start] */ ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci /* [jooq ignore stop] */;
