-- Which embedding model reads a PDF model, chosen by the admin at creation: MINILM (in process, the
-- default and what every existing model used), UPSTREAM (the OpenAI-compatible /v1/embeddings) or ONNX
-- (a local model file). `vector` keeps the embedding model's id and dimensions.
ALTER TABLE `model` ADD COLUMN `embedding_kind` VARCHAR(16) NOT NULL DEFAULT 'MINILM';
