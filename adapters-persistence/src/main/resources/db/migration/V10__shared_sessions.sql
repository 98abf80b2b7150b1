-- Sessions (user and admin), their CSRF tokens and flash messages live in the database, so that
-- any node serves any request (Spring Session JDBC; its MySQL schema, created here by Flyway and
-- not by Spring Session itself). The names are Spring Session's defaults.

CREATE TABLE SPRING_SESSION (
  PRIMARY_ID             CHAR(36)      NOT NULL,
  SESSION_ID             CHAR(36)      NOT NULL,
  CREATION_TIME          BIGINT        NOT NULL,
  LAST_ACCESS_TIME       BIGINT        NOT NULL,
  MAX_INACTIVE_INTERVAL  INT           NOT NULL,
  EXPIRY_TIME            BIGINT        NOT NULL,
  PRINCIPAL_NAME         VARCHAR(100)  NULL,
  PRIMARY KEY (PRIMARY_ID)
) /* [jooq ignore start] */ ENGINE=InnoDB ROW_FORMAT=DYNAMIC /* [jooq ignore stop] */;

CREATE UNIQUE INDEX SPRING_SESSION_IX1 ON SPRING_SESSION (SESSION_ID);
CREATE INDEX SPRING_SESSION_IX2 ON SPRING_SESSION (EXPIRY_TIME);
CREATE INDEX SPRING_SESSION_IX3 ON SPRING_SESSION (PRINCIPAL_NAME);

CREATE TABLE SPRING_SESSION_ATTRIBUTES (
  SESSION_PRIMARY_ID  CHAR(36)      NOT NULL,
  ATTRIBUTE_NAME      VARCHAR(200)  NOT NULL,
  ATTRIBUTE_BYTES     BLOB          NOT NULL,
  PRIMARY KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME),
  CONSTRAINT SPRING_SESSION_ATTRIBUTES_FK FOREIGN KEY (SESSION_PRIMARY_ID) REFERENCES SPRING_SESSION (PRIMARY_ID) ON DELETE CASCADE
) /* [jooq ignore start] */ ENGINE=InnoDB ROW_FORMAT=DYNAMIC /* [jooq ignore stop] */;

-- Periodic work that one node of several must do, once: a job runs on the node whose conditional
-- UPDATE moves next_run forward (see bootstrap's ClusterHousekeeping).
CREATE TABLE `cluster_job` (
  `name`      VARCHAR(64)   NOT NULL,
  `next_run`  DATETIME(3)   NOT NULL,
  `ran_by`    VARCHAR(128)  NULL,
  PRIMARY KEY (`name`)
) /* [jooq ignore start] */ ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci /* [jooq ignore stop] */;

INSERT INTO `cluster_job` (`name`, `next_run`) VALUES ('housekeeping', '2000-01-01 00:00:00');
