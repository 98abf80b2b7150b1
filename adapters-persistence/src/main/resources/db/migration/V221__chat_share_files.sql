-- The files attached to a shared chat's questions, copied with the share (issue 16, session 6): by name, kind and pages
-- only, so that a share link shows what was attached without ever serving a file (the owner's files stay theirs).
-- Deleted with the share (revoked, replaced, or its chat deleted).

CREATE TABLE `chat_share_file` (
  `share_id`  BIGINT        NOT NULL,
  `rank`      INT           NOT NULL,
  `position`  INT           NOT NULL,
  `name`      VARCHAR(255)  NOT NULL,
  `kind`      VARCHAR(8)    NOT NULL,
  `pages`     INT           NOT NULL,
  PRIMARY KEY (`share_id`, `rank`, `position`),
  CONSTRAINT `fk_chat_share_file_share` FOREIGN KEY (`share_id`) REFERENCES `chat_share` (`id`) ON DELETE CASCADE
) /* [jooq ignore start] */ ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci /* [jooq ignore stop] */;
