-- One answer per chat at a time, on every node: an answer claims its chat by writing its own random
-- token and the time into these columns with a conditional UPDATE (only when no live claim holds
-- it), keeps the time fresh while it streams, and clears both when it ends. A claim whose time is
-- older than the expiry belongs to an answer whose node stopped, and may be taken over.
ALTER TABLE `chat`
  ADD COLUMN `answering_since` DATETIME(3) NULL,
  ADD COLUMN `answering_by`    CHAR(36)    NULL;
