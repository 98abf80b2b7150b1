-- Feedback (thumbs up / down on answers, V85) in the daily roll-ups: per closed day, the ratings given that
-- day. An index by date, so that the live part of a dashboard view reads only today's ratings.
ALTER TABLE `usage_day` ADD COLUMN `feedback_up` BIGINT NOT NULL DEFAULT 0;
ALTER TABLE `usage_day` ADD COLUMN `feedback_down` BIGINT NOT NULL DEFAULT 0;

CREATE INDEX `ix_message_feedback_date` ON `message_feedback` (`date`, `rating`);

-- Back-fill of the days already rolled up; the code generator skips it.
/* [jooq ignore start] */
UPDATE `usage_day` d
JOIN (SELECT CAST(f.`date` AS DATE) AS `day`, SUM(f.`rating` > 0) AS `up`, SUM(f.`rating` < 0) AS `down`
      FROM `message_feedback` f GROUP BY CAST(f.`date` AS DATE)) f ON f.`day` = d.`day`
SET d.`feedback_up` = f.`up`, d.`feedback_down` = f.`down`;
/* [jooq ignore stop] */
