-- A PDF model's passages are held in memory by every node that searched them. Whenever they change
-- (a batch of passages stored, the reading finished) `index_version` takes a new random value; every
-- node reads the versions of all models twice a second (one small query) and drops an index it loaded
-- whose version changed or whose model is gone, so a deletion or a new reading on one node is seen by
-- the others within a second. Random rather than counted, so that a model made again under a freed
-- id never shows the version an old index was loaded with.
ALTER TABLE `model` ADD COLUMN `index_version` BIGINT NOT NULL DEFAULT 0;
