-- Full-text search over chat messages for the admin's chat search (and, later, a user's own).
-- `search_text` is the message with the apostrophe variants of Uzbek Latin removed (o' oʻ o‘ o’ o` oʼ
-- all become o), computed by the server itself, so that no writer has to know about it; InnoDB's
-- FULLTEXT index over it answers word and word-prefix queries on MySQL 8 and MariaDB alike.
-- ChatTextSearch (Java) normalises the admin's query the same way. Adding a stored column rebuilds
-- chat_history once (about a minute per million messages on a small machine).
-- The code generator does not need the column (queries name it themselves), so it skips this file's body.
/* [jooq ignore start] */
ALTER TABLE `chat_history`
  ADD COLUMN `search_text` MEDIUMTEXT GENERATED ALWAYS AS (
    REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(`content`,
      '''', ''), '`', ''), 'ʻ', ''), 'ʼ', ''), '‘', ''), '’', '')
  ) STORED;

CREATE FULLTEXT INDEX `ix_chat_history_search` ON `chat_history` (`search_text`);
/* [jooq ignore stop] */
