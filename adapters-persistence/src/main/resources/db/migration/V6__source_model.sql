-- A cited passage names the knowledge model it came from, so that its page can be opened from the
-- chat. No foreign key: a deleted model leaves its citations (text and page) in the chats, and the
-- page link then answers that the document is gone. Older rows keep NULL (unknown model).

ALTER TABLE `message_source` ADD COLUMN `model_id` BIGINT NULL;
