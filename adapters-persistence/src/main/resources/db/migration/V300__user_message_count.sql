-- How many messages each user has written, counted as they are written (UsageCounts.question), so that the admin's
-- users page shows and sorts by it without counting every user's messages at every view. Like the statistics'
-- counters (V170) it is history: a question removed unanswered comes off it, a deleted chat's questions stay counted;
-- the row goes with its user.
CREATE TABLE `user_message_count` (
  `user_id`   BIGINT  NOT NULL,
  `messages`  BIGINT  NOT NULL,
  PRIMARY KEY (`user_id`),
  CONSTRAINT `fk_user_message_count_user` FOREIGN KEY (`user_id`) REFERENCES `user` (`id`) ON DELETE CASCADE
) /* [jooq ignore start] */ ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci /* [jooq ignore stop] */;

-- Back-fill from the messages there are (one pass over the chats and the messages' chat-and-role index).
/* [jooq ignore start] */
INSERT INTO `user_message_count` (`user_id`, `messages`)
SELECT c.`user_id`, COUNT(*)
FROM `chat` c STRAIGHT_JOIN `chat_history` h ON h.`chat_id` = c.`id`
WHERE h.`role` = 'user'
GROUP BY c.`user_id`;
/* [jooq ignore stop] */
