-- The node that reads a PDF into a model says it is still at it every 10 seconds. Another node (a
-- restart, the minute's clean-up) marks a model still PROCESSING as failed only once this has not been
-- renewed for a minute: a node that restarts no longer fails another node's running reading.
ALTER TABLE `model` ADD COLUMN `heartbeat` DATETIME(3) NULL;
