-- The Stop button, seen by every node: the node that receives Stop records it here, the node that
-- streams the answer looks for new rows four times a second (one query per node, whatever the number
-- of answers) and ends that answer. Rows older than an hour are deleted by the housekeeping.
CREATE TABLE `answer_stop` (
  `user_id`    BIGINT       NOT NULL,
  `chat_id`    BIGINT       NOT NULL,
  `requested`  DATETIME(3)  NOT NULL,
  PRIMARY KEY (`user_id`, `chat_id`)
) /* [jooq ignore start] */ ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci /* [jooq ignore stop] */;

CREATE INDEX `ix_answer_stop_requested` ON `answer_stop` (`requested`);
