-- The admin's chat list and its text search walk chats newest first (ORDER BY updated DESC, id DESC):
-- with this index a page reads its rows in order and stops, instead of sorting every chat.
CREATE INDEX `ix_chat_updated` ON `chat` (`updated`, `id`);
