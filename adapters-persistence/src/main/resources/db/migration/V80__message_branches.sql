-- Versions and branches of a chat's messages (domain MessageTree). Each message follows one earlier message of its
-- chat, `parent_rank` (NULL for a first message); messages with the same parent are versions of one another (an
-- answer given again, a question edited), and `chosen` marks the version shown. `on_branch` marks the messages of
-- the active branch (the chosen version at every step): what the user sees and the model is sent. The repository
-- keeps it true whenever a message is added, chosen or removed, so that readers of a chat's messages (the chat, the
-- admin's view and transcripts) filter with it rather than walk the tree.
-- Chats until now had one branch: each message follows the one before it.

ALTER TABLE `chat_history`
  ADD COLUMN `parent_rank` INT     NULL,
  ADD COLUMN `chosen`      BOOLEAN NOT NULL DEFAULT TRUE,
  ADD COLUMN `on_branch`   BOOLEAN NOT NULL DEFAULT TRUE;

/* [jooq ignore start] */
UPDATE `chat_history` h
  JOIN (SELECT c.`id`, (SELECT MAX(p.`rank`) FROM `chat_history` p WHERE p.`chat_id` = c.`chat_id` AND p.`rank` < c.`rank`) AS `parent`
          FROM `chat_history` c) x ON x.`id` = h.`id`
  SET h.`parent_rank` = x.`parent`;
/* [jooq ignore stop] */
