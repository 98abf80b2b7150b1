package uz.suhbat.application.service.knowledge;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import uz.suhbat.application.port.out.knowledge.DocumentTextPort;
import uz.suhbat.application.port.out.knowledge.EmbeddingPort;
import uz.suhbat.domain.knowledge.Chunk;
import uz.suhbat.domain.knowledge.Chunker;
import uz.suhbat.domain.knowledge.UzbekText;

/**
 * Turns a document into embedded chunks: read → chunk → embed in batches.
 *
 * <p>Embedding is the slow step and already keeps every core busy, so the document is read and
 * chunked on a separate thread that runs ahead of it; without that, the cores would sit idle while
 * PDFBox parses each page. A bounded queue between the two keeps memory flat however long the
 * document is: the reader waits when it is {@code queueCapacity} chunks ahead.
 *
 * <p>Each chunk is embedded as {@link UzbekText#normalize}d text (the original text is what is kept
 * and shown), so questions must be embedded the same way.
 */
public final class EmbeddingPipeline {

    private static final Object END = new Object();

    private final DocumentTextPort documents;
    private final EmbeddingPort embeddings;
    private final Chunker chunker;
    private final int batchSize;
    private final int queueCapacity;

    public EmbeddingPipeline(DocumentTextPort documents, EmbeddingPort embeddings, Chunker chunker,
                             int batchSize, int queueCapacity) {
        if (batchSize < 1 || queueCapacity < batchSize) {
            throw new IllegalArgumentException("need batchSize >= 1 and queueCapacity >= batchSize");
        }
        this.documents = Objects.requireNonNull(documents);
        this.embeddings = Objects.requireNonNull(embeddings);
        this.chunker = Objects.requireNonNull(chunker);
        this.batchSize = batchSize;
        this.queueCapacity = queueCapacity;
    }

    /**
     * Calls {@code sink} on the calling thread with each batch, in document order, and returns the
     * totals. Failures of the document (an {@code UnreadableDocumentException}), of the model or of
     * the sink are rethrown here after the reader thread has stopped.
     */
    public Totals run(Path file, BatchSink sink) {
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(queueCapacity);
        Thread reader = Thread.ofPlatform().name("document-reader").daemon().start(() -> read(file, queue));
        try {
            return embed(queue, sink);
        } finally {
            reader.interrupt();
            joinQuietly(reader);
        }
    }

    private void read(Path file, BlockingQueue<Object> queue) {
        try {
            documents.readPages(file, (page, text) -> {
                for (Chunk chunk : chunker.split(page, text)) {
                    put(queue, chunk);
                }
                put(queue, new PageRead(page));
            });
            put(queue, END);
        } catch (CancellationException e) {
            // the embedding side has stopped and no longer listens
        } catch (RuntimeException | Error e) {
            try {
                put(queue, new ReadFailed(e));
            } catch (CancellationException stopped) {
                e.addSuppressed(stopped);
            }
        }
    }

    private Totals embed(BlockingQueue<Object> queue, BatchSink sink) {
        List<Chunk> batch = new ArrayList<>(batchSize);
        int pages = 0;
        int chunks = 0;
        while (true) {
            Object item = take(queue);
            if (item instanceof Chunk chunk) {
                batch.add(chunk);
                if (batch.size() == batchSize) {
                    chunks += flush(batch, pages, sink);
                }
            } else if (item instanceof PageRead read) {
                pages = read.page();
            } else if (item instanceof ReadFailed failed) {
                throw failed.unchecked();
            } else {
                chunks += flush(batch, pages, sink);
                return new Totals(pages, chunks);
            }
        }
    }

    private int flush(List<Chunk> batch, int pagesRead, BatchSink sink) {
        if (batch.isEmpty()) {
            return 0;
        }
        List<float[]> vectors = embeddings.embedAll(batch.stream().map(chunk -> UzbekText.normalize(chunk.text())).toList());
        List<EmbeddedChunk> embedded = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            embedded.add(new EmbeddedChunk(batch.get(i), vectors.get(i)));
        }
        int count = batch.size();
        batch.clear();
        sink.accept(embedded, pagesRead);
        return count;
    }

    private static void put(BlockingQueue<Object> queue, Object item) {
        try {
            queue.put(item);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            // the embedding side has stopped; unwinds PDF reading
            throw new CancellationException("document reading cancelled");
        }
    }

    private static Object take(BlockingQueue<Object> queue) {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("embedding interrupted");
        }
    }

    private static void joinQuietly(Thread reader) {
        boolean interrupted = false;
        while (reader.isAlive()) {
            try {
                reader.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Receives embedded chunks in document order; {@code pagesRead} is how far the reader had got, for progress. */
    @FunctionalInterface
    public interface BatchSink {
        void accept(List<EmbeddedChunk> batch, int pagesRead);
    }

    public record EmbeddedChunk(Chunk chunk, float[] vector) {
    }

    public record Totals(int pages, int chunks) {
    }

    private record PageRead(int page) {
    }

    /** Errors too: a reader that died silently would leave the embedding side waiting for ever. */
    private record ReadFailed(Throwable cause) {
        RuntimeException unchecked() {
            if (cause instanceof Error error) {
                throw error;
            }
            return (RuntimeException) cause;
        }
    }
}
