-- Connections to model providers (issue 19): OpenAI-compatible servers (OpenAI, Azure OpenAI, Ollama, vLLM,
-- LM Studio, ...), Anthropic and Google Gemini, added on the admin's Connections page. OPENAI_* in .env stays
-- the first connection and has no row here. A connection's API key is kept only sealed with AES-GCM under a key
-- derived from SECRET_KEY (`api_key_sealed`), with its last characters (`api_key_hint`) to tell keys apart.
-- `version` grows with every change, so that each node rebuilds its client of the connection.
CREATE TABLE `provider_connection` (
  `id`              BIGINT        NOT NULL AUTO_INCREMENT,
  `name`            VARCHAR(80)   NOT NULL,
  `kind`            VARCHAR(20)   NOT NULL,
  `base_url`        VARCHAR(500)  NOT NULL,
  `api_key_sealed`  VARCHAR(2000) NULL,
  `api_key_hint`    VARCHAR(16)   NULL,
  `enabled`         BOOLEAN       NOT NULL DEFAULT TRUE,
  `version`         INT           NOT NULL DEFAULT 1,
  `created`         DATETIME(3)   NOT NULL,
  PRIMARY KEY (`id`)
) /* [jooq ignore start] */ ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci /* [jooq ignore stop] */;

-- The models of a connection that users see, with the admin's display name and defaults. Only chosen models have
-- a row; the others are listed live from the connection on its page.
CREATE TABLE `provider_model` (
  `connection_id`  BIGINT        NOT NULL,
  `model`          VARCHAR(90)   NOT NULL,
  `position`       INT           NOT NULL DEFAULT 0,
  `display_name`   VARCHAR(80)   NULL,
  `system_prompt`  TEXT          NULL,
  `temperature`    DECIMAL(3,2)  NULL,
  `vision`         BOOLEAN       NOT NULL DEFAULT FALSE,
  PRIMARY KEY (`connection_id`, `model`),
  CONSTRAINT `fk_provider_model_connection` FOREIGN KEY (`connection_id`) REFERENCES `provider_connection` (`id`) ON DELETE CASCADE
) /* [jooq ignore start] */ ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci /* [jooq ignore stop] */;
