package uz.suhbat.application.service.knowledge;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.io.InputStream;
import uz.suhbat.domain.shared.Problem;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import uz.suhbat.application.runtime.CompactCollection;
import uz.suhbat.application.port.in.chat.AnswerUseCase.AnswerFailure;
import uz.suhbat.application.port.in.knowledge.KnowledgeModelsQuery;
import uz.suhbat.application.port.in.knowledge.ManageKnowledgeModelsUseCase;
import uz.suhbat.application.port.out.ai.ChatModelPort;
import uz.suhbat.application.port.out.chat.ChatRepository;
import uz.suhbat.application.port.out.knowledge.DocumentFilesPort;
import uz.suhbat.application.port.out.knowledge.DocumentTextPort;
import uz.suhbat.application.port.out.knowledge.DocumentTextPort.UnreadableDocumentException;
import uz.suhbat.application.port.out.knowledge.EmbeddingModelsPort;
import uz.suhbat.application.port.out.knowledge.EmbeddingPort;
import uz.suhbat.application.port.out.knowledge.KnowledgeModelRepository;
import uz.suhbat.application.service.admin.AuditTrail;
import uz.suhbat.application.service.chat.AnswerFailures;
import uz.suhbat.domain.audit.AuditAction;
import uz.suhbat.domain.chat.Chat;
import uz.suhbat.domain.chat.Role;
import uz.suhbat.domain.knowledge.EmbeddingKind;
import uz.suhbat.domain.knowledge.KnowledgeIndex;
import uz.suhbat.domain.knowledge.KnowledgeModel;

/**
 * PDF-based models: an admin uploads a document, it is read, cut into passages and embedded in
 * the background (one document at a time: embedding already keeps every core busy), then launched.
 */
public final class KnowledgeModelService implements ManageKnowledgeModelsUseCase, KnowledgeModelsQuery {

    private static final System.Logger log = System.getLogger(KnowledgeModelService.class.getName());

    /** How often the node reading a PDF says it is still at it, and after how long without that another node gives up on it. */
    static final Duration HEARTBEAT = Duration.ofSeconds(10);
    static final Duration HEARTBEAT_LOST = Duration.ofMinutes(1);
    private static final ScheduledExecutorService HEARTBEATS = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "suhbat-ingestion-heartbeat");
        thread.setDaemon(true);
        return thread;
    });

    private final KnowledgeModelRepository models;
    private final DocumentFilesPort files;
    private final DocumentTextPort documents;
    private final Embedders embeddings;
    private final KnowledgeLibrary library;
    private final ChatRepository chats;
    private final ChatModelPort chatModel;
    private final Executor ingestion;
    private final Clock clock;
    private final List<String> baseModels;
    private final long maxUploadBytes;
    private final AuditTrail audit;

    public KnowledgeModelService(KnowledgeModelRepository models, DocumentFilesPort files, DocumentTextPort documents,
                                 EmbeddingPort embeddings, KnowledgeLibrary library, ChatRepository chats, ChatModelPort chatModel,
                                 Executor ingestion, Clock clock, List<String> baseModels, long maxUploadBytes, AuditTrail audit) {
        this(models, files, documents, Embedders.single(embeddings), library, chats, chatModel, ingestion, clock, baseModels,
                maxUploadBytes, audit);
    }

    /** {@code embeddings}: the kinds an admin may choose from; each model is read by its own. */
    public KnowledgeModelService(KnowledgeModelRepository models, DocumentFilesPort files, DocumentTextPort documents,
                                 EmbeddingModelsPort embeddings, KnowledgeLibrary library, ChatRepository chats, ChatModelPort chatModel,
                                 Executor ingestion, Clock clock, List<String> baseModels, long maxUploadBytes, AuditTrail audit) {
        this(models, files, documents, Embedders.of(embeddings), library, chats, chatModel, ingestion, clock, baseModels, maxUploadBytes,
                audit);
    }

    private KnowledgeModelService(KnowledgeModelRepository models, DocumentFilesPort files, DocumentTextPort documents,
                                  Embedders embeddings, KnowledgeLibrary library, ChatRepository chats, ChatModelPort chatModel,
                                  Executor ingestion, Clock clock, List<String> baseModels, long maxUploadBytes, AuditTrail audit) {
        this.models = models;
        this.files = files;
        this.documents = documents;
        this.embeddings = embeddings;
        this.library = library;
        this.chats = chats;
        this.chatModel = chatModel;
        this.ingestion = ingestion;
        this.clock = clock;
        this.baseModels = List.copyOf(baseModels);
        this.maxUploadBytes = maxUploadBytes;
        this.audit = audit;
    }

    @Override
    public Result create(long adminId, Command command, InputStream pdf) {
        Map<String, Problem> errors = new LinkedHashMap<>();
        if (command.name().isEmpty() || command.name().length() > 100) {
            errors.put("name", Problem.MODEL_NAME);
        }
        if (command.description() != null && command.description().length() > 1000) {
            errors.put("description", Problem.MODEL_DESCRIPTION);
        }
        if (!baseModels.contains(command.baseModel())) {
            errors.put("baseModel", Problem.MODEL_BASE_MODEL);
        }
        if (command.instructions() != null && command.instructions().length() > 4000) {
            errors.put("instructions", Problem.MODEL_INSTRUCTIONS);
        }
        EmbeddingKind kind = command.embeddingKind().isEmpty() ? EmbeddingKind.MINILM : EmbeddingKind.parse(command.embeddingKind());
        if (kind == null || !embeddings.available().contains(kind)) {
            errors.put("embeddingKind", Problem.MODEL_EMBEDDING);
        }
        if (pdf == null) {
            errors.put("file", Problem.MODEL_NO_FILE);
        }
        if (!errors.isEmpty()) {
            return new Rejected(errors, false);
        }
        String file;
        try {
            file = files.store(pdf, maxUploadBytes);
        } catch (DocumentFilesPort.TooLargeException tooLarge) {
            return new Rejected(Map.of("file", Problem.MODEL_TOO_LARGE), true);
        }
        int pages;
        try {
            pages = documents.inspect(files.path(file));
        } catch (UnreadableDocumentException unreadable) {
            files.delete(file);
            return new Rejected(Map.of("file", unreadable.reason().problem()), false);
        }
        EmbeddingPort embedder = embeddings.embedder(kind);
        KnowledgeModel model = models.create(command.name(), command.description(), command.baseModel(), command.instructions(), file,
                kind, embedder.modelId(), clock.instant());
        models.progress(model.id(), pages, 0, 0);
        audit.record(adminId, AuditAction.MODEL_CREATED, model.name(), pages + " pages");
        ingestion.execute(() -> ingest(model.id(), embedder, files.path(file), pages));
        return new Created(model.id());
    }

    private void ingest(long id, EmbeddingPort embedder, Path file, int pages) {
        // this node owns the reading while it says so: other nodes fail the model only once this stops
        ScheduledFuture<?> alive = HEARTBEATS.scheduleWithFixedDelay(() -> {
            try {
                models.heartbeat(id, clock.instant());
            } catch (RuntimeException e) {
                log.log(Level.WARNING, "Heartbeat of knowledge model " + id + " failed: " + e.getMessage());
            }
        }, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
        try {
            read(id, embedder, file, pages);
        } finally {
            alive.cancel(false);
            // reading a document grows the heap (pages, batches) that an idle server would otherwise keep committed: one
            // full collection gives it back, down to the heap's smallest free share (with ./run.sh's -XX:-ShrinkHeapInSteps
            // at once; docs/benchmarks.md, "Session 5: with a launched 300-page PDF model" and "Session 8: memory")
            CompactCollection.run();
        }
    }

    private void read(long id, EmbeddingPort embedder, Path file, int pages) {
        EmbeddingPipeline pipeline = new EmbeddingPipeline(documents, embedder, embedder.tuning().chunker(), 32, 256);
        int[] seq = {0};
        try {
            EmbeddingPipeline.Totals totals = pipeline.run(file, (batch, pagesRead) -> {
                List<KnowledgeModelRepository.StoredChunk> stored = new ArrayList<>(batch.size());
                for (EmbeddingPipeline.EmbeddedChunk embedded : batch) {
                    stored.add(new KnowledgeModelRepository.StoredChunk(0, ++seq[0], embedded.chunk().page(), embedded.chunk().text(),
                            embedded.vector()));
                }
                models.saveChunks(id, stored);
                models.progress(id, pages, pagesRead, seq[0]);
            });
            models.progress(id, pages, totals.pages(), totals.chunks());
            models.markReady(id);
        } catch (UnreadableDocumentException unreadable) {
            models.markFailed(id, unreadable.reason().problem());
        } catch (RuntimeException e) {
            log.log(Level.WARNING, "Reading knowledge model " + id + " failed: " + e);
            models.markFailed(id, Problem.DOCUMENT_READING_FAILED);
        }
    }

    /**
     * After a start, models whose reading was cut short (its node's heartbeat stopped) are marked
     * failed, not those another node is reading now; launched ones are loaded for search.
     */
    public void resumeAfterStart() {
        failStaleReadings();
        library.warmUp();
    }

    /** Marks failed the models whose reading node stopped saying it is alive (a crash, a restart); returns how many. */
    public int failStaleReadings() {
        return models.failStale(clock.instant().minus(HEARTBEAT_LOST), Problem.DOCUMENT_READING_CUT_BY_RESTART);
    }

    @Override
    public boolean launch(long adminId, long id) {
        Optional<KnowledgeModel> model = models.find(id).filter(m -> m.status() == KnowledgeModel.Status.READY);
        model.ifPresent(m -> {
            models.setLaunched(id, true);
            library.warm(id);
            audit.record(adminId, AuditAction.MODEL_LAUNCHED, m.name(), m.pickerId());
        });
        return model.isPresent();
    }

    @Override
    public boolean hide(long adminId, long id) {
        Optional<KnowledgeModel> model = models.find(id);
        model.ifPresent(m -> {
            models.setLaunched(id, false);
            audit.record(adminId, AuditAction.MODEL_HIDDEN, m.name(), m.pickerId());
        });
        return model.isPresent();
    }

    @Override
    public boolean delete(long adminId, long id) {
        Optional<KnowledgeModel> model = models.find(id);
        if (model.isEmpty() || model.get().status() == KnowledgeModel.Status.PROCESSING) {
            return false;
        }
        models.delete(id);
        library.evict(id);
        files.delete(model.get().file());
        chats.closeAllWithModel(model.get().pickerId(), Chat.ClosedReason.MODEL_DELETED);
        audit.record(adminId, AuditAction.MODEL_DELETED, model.get().name(), model.get().pickerId());
        return true;
    }

    @Override
    public List<EmbeddingKind> embeddingKinds() {
        return embeddings.available();
    }

    @Override
    public List<KnowledgeModel> all() {
        return models.findAll();
    }

    @Override
    public Optional<KnowledgeModel> find(long id) {
        return models.find(id);
    }

    @Override
    public Trial tryOut(long id, String question) {
        Optional<KnowledgeModel> model = models.find(id).filter(m -> m.status() == KnowledgeModel.Status.READY);
        if (model.isEmpty() || question == null || question.isBlank()) {
            return Trial.refused(Problem.MODEL_TRIAL);
        }
        List<KnowledgeIndex.Hit> hits = library.retrieve(id, question);
        List<Passage> passages = hits.stream().map(h -> new Passage(h.page(), h.score(), h.text())).toList();
        if (!chatModel.configured()) {
            return Trial.failed(passages, AnswerFailure.MODEL_NOT_CONFIGURED);
        }
        StringBuilder answer = new StringBuilder();
        CompletableFuture<AnswerFailure> done = new CompletableFuture<>();
        ChatModelPort.Streaming streaming = chatModel.stream(new ChatModelPort.Prompt(model.get().baseModel(), List.of(
                new ChatModelPort.Turn(Role.SYSTEM, GroundedPrompt.system(model.get(), hits)),
                new ChatModelPort.Turn(Role.USER, question.strip()))), new ChatModelPort.AnswerSink() {
                    @Override
                    public void delta(String text) {
                        answer.append(text);
                    }

                    @Override
                    public void completed(ChatModelPort.TokenUsage usage) {
                        done.complete(null);
                    }

                    @Override
                    public void failed(ChatModelPort.Failure failure) {
                        done.complete(AnswerFailures.of(failure.kind()));
                    }
                });
        try {
            AnswerFailure failure = done.get(90, TimeUnit.SECONDS);
            return failure == null ? Trial.answered(passages, answer.toString()) : Trial.failed(passages, failure);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            streaming.cancel();
            return Trial.failed(passages, AnswerFailure.MODEL_TIMEOUT);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            streaming.cancel();
            return Trial.failed(passages, AnswerFailure.MODEL_TIMEOUT);
        }
    }
}
