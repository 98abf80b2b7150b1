package uz.suhbat.application.service.attachment;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import uz.suhbat.application.port.in.attachment.AdminAttachmentsQuery;
import uz.suhbat.application.port.in.attachment.AttachmentsUseCase;
import uz.suhbat.application.port.in.chat.AnswerUseCase.Refusal;
import uz.suhbat.application.port.out.ai.ChatModelPort;
import uz.suhbat.application.port.out.attachment.AttachmentRepository;
import uz.suhbat.application.port.out.attachment.AttachmentRepository.Stored;
import uz.suhbat.application.port.out.attachment.AttachmentTextPort;
import uz.suhbat.application.port.out.attachment.AttachmentTextPort.UnreadableAttachmentException;
import uz.suhbat.application.port.out.chat.ChatRepository;
import uz.suhbat.application.service.chat.ChatAttachments;
import uz.suhbat.application.service.knowledge.AttachedPrompt;
import uz.suhbat.application.service.knowledge.PassageSearch;
import uz.suhbat.domain.attachment.AttachmentKind;
import uz.suhbat.domain.chat.Message;
import uz.suhbat.domain.chat.Role;
import uz.suhbat.domain.knowledge.ContextBudget;

/**
 * Files attached to messages. An upload is checked by its content (never its name), within {@code ATTACHMENT_MAX_MB} and
 * {@code ATTACHMENT_MAX_PAGES}, its text read out page by page, and kept pending for its user; a message carries the ids,
 * and the files are bound to its question. For every answer a short document goes into its question whole, a long one
 * is searched for the question with the PDF models' engine ({@link PassageSearch}) and cited by page, and pictures go to
 * models that see them ({@code OPENAI_VISION_MODELS}) as image parts.
 */
public final class AttachmentService implements AttachmentsUseCase, AdminAttachmentsQuery, ChatAttachments {

    /** How long an upload that no message carried is kept. */
    public static final Duration PENDING_FOR = Duration.ofDays(1);
    private static final int NAME_CHARS = 255;

    /**
     * {@code maxBytes}, {@code maxPages}: an upload's limits; {@code perMessage}: files one message may carry;
     * {@code inlineTokens}: a document up to this many estimated tokens goes into the prompt whole, a longer one is
     * searched; {@code visionModels}: the picker ids of models that see pictures.
     */
    public record Settings(long maxBytes, int maxPages, int perMessage, int inlineTokens, List<String> visionModels) {
        public Settings {
            visionModels = List.copyOf(visionModels);
            if (maxBytes < 1 || maxPages < 1 || perMessage < 1 || inlineTokens < 0) {
                throw new IllegalArgumentException("attachment limits must be positive");
            }
        }
    }

    private final AttachmentRepository attachments;
    private final AttachmentTextPort texts;
    private final ChatRepository chats;
    private final PassageSearch search;
    private final Settings settings;
    private Vision vision;
    private final Clock clock;

    public AttachmentService(AttachmentRepository attachments, AttachmentTextPort texts, ChatRepository chats, PassageSearch search,
                             Settings settings, Clock clock) {
        this.attachments = attachments;
        this.texts = texts;
        this.chats = chats;
        this.search = search;
        this.settings = settings;
        this.vision = new Vision(settings.visionModels()::contains, settings::visionModels);
        this.clock = clock;
    }

    @Override
    public Upload upload(long userId, String fileName, byte[] content) {
        if (content == null || content.length == 0) {
            return new Upload.Refused(Reason.EMPTY);
        }
        if (content.length > settings.maxBytes()) {
            return new Upload.Refused(Reason.TOO_LARGE);
        }
        Optional<AttachmentKind> kind = AttachmentKind.of(content);
        Optional<AttachmentKind> claimed = AttachmentKind.claimedBy(fileName);
        if (kind.isEmpty()) {
            return new Upload.Refused(claimed.isPresent() ? Reason.NOT_WHAT_NAME_SAYS : Reason.UNSUPPORTED);
        }
        if (claimed.isPresent() && ((claimed.get().image() && !kind.get().image())
                || (kind.get() == AttachmentKind.TEXT && claimed.get() != AttachmentKind.TEXT))) {
            // a text renamed .png, a PDF renamed .jpg, a "PDF" that is plain text: the name promises what is not there (the
            // content decides otherwise: a picture named .txt is a picture)
            return new Upload.Refused(Reason.NOT_WHAT_NAME_SAYS);
        }
        List<String> pages = List.of();
        if (!kind.get().image()) {
            try {
                pages = texts.pages(kind.get(), content, settings.maxPages());
            } catch (UnreadableAttachmentException e) {
                return new Upload.Refused(switch (e.reason()) {
                    case BROKEN -> Reason.BROKEN;
                    case ENCRYPTED -> Reason.ENCRYPTED;
                    case TOO_MANY_PAGES -> Reason.TOO_MANY_PAGES;
                });
            }
            if (pages.size() > settings.maxPages()) {
                return new Upload.Refused(Reason.TOO_MANY_PAGES);
            }
            if (pages.stream().allMatch(String::isBlank)) {
                return new Upload.Refused(Reason.NO_TEXT);
            }
        }
        int tokens = pages.stream().mapToInt(ContextBudget::tokens).sum();
        String name = name(fileName, kind.get());
        long id = attachments.savePending(userId, name, kind.get(), content, pages, tokens, clock.instant());
        if (tokens > settings.inlineTokens() && search != null) {
            List<String> texts = pages;
            search.prepare(new PassageSearch.Document(id, name, () -> texts));
        }
        return new Upload.Stored(new AttachmentView(id, 0, name, kind(kind.get()), kind.get().image(), content.length, pages.size()));
    }

    @Override
    public List<AttachmentView> ofChat(long userId, long chatId) {
        if (chats.find(chatId).filter(c -> c.ownedBy(userId)).isEmpty()) {
            return List.of();
        }
        return ofChat(chatId);
    }

    @Override
    public List<AttachmentView> ofChat(long chatId) {
        return attachments.ofChat(chatId).stream().map(AttachmentService::view).toList();
    }

    @Override
    public Optional<AttachmentContent> content(long userId, long attachmentId) {
        return attachments.find(attachmentId).filter(a -> a.userId() == userId).flatMap(this::contentOf);
    }

    @Override
    public Optional<AttachmentContent> fileOfChat(long chatId, long attachmentId) {
        return attachments.find(attachmentId).filter(a -> !a.pending() && a.chatId() == chatId).flatMap(this::contentOf);
    }

    @Override
    public Limits limits() {
        return new Limits(settings.maxBytes(), settings.maxPages(), settings.perMessage(), vision.ids().get());
    }

    /** Deletes uploads no message carried within {@link #PENDING_FOR}; returns how many. Safe on every node at once. */
    public int deleteAbandoned() {
        return attachments.deletePendingBefore(clock.instant().minus(PENDING_FOR));
    }

    @Override
    public Optional<Refusal> check(long userId, List<Long> ids, String pickerId) {
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        Set<Long> distinct = new LinkedHashSet<>(ids);
        if (distinct.size() > settings.perMessage()) {
            return Optional.of(Refusal.TOO_MANY_ATTACHMENTS);
        }
        List<Stored> pending = attachments.pending(userId, List.copyOf(distinct));
        if (pending.size() != distinct.size()) {
            return Optional.of(Refusal.ATTACHMENT_NOT_FOUND);
        }
        if (pending.stream().anyMatch(a -> a.kind().image()) && !sees(pickerId)) {
            return Optional.of(Refusal.IMAGES_NOT_SUPPORTED);
        }
        return Optional.empty();
    }

    @Override
    public void bind(long userId, List<Long> ids, long chatId, int rank) {
        attachments.bind(userId, List.copyOf(new LinkedHashSet<>(ids)), chatId, rank);
    }

    @Override
    public Optional<Refusal> checkEdit(long userId, long chatId, int editedRank, List<Long> ids, String pickerId) {
        List<Stored> own = filesOf(chatId, editedRank);
        Set<Long> ownIds = new HashSet<>();
        own.forEach(f -> ownIds.add(f.id()));
        Set<Long> wanted = ids == null ? ownIds : new LinkedHashSet<>(ids);
        if (wanted.size() > settings.perMessage() && ids != null) {
            return Optional.of(Refusal.TOO_MANY_ATTACHMENTS);
        }
        List<Long> added = wanted.stream().filter(id -> !ownIds.contains(id)).toList();
        List<Stored> pending = added.isEmpty() ? List.of() : attachments.pending(userId, added);
        if (pending.size() != added.size()) {
            return Optional.of(Refusal.ATTACHMENT_NOT_FOUND);
        }
        boolean pictures = pending.stream().anyMatch(a -> a.kind().image())
                || own.stream().anyMatch(a -> wanted.contains(a.id()) && a.kind().image());
        if (pictures && !sees(pickerId)) {
            return Optional.of(Refusal.IMAGES_NOT_SUPPORTED);
        }
        return Optional.empty();
    }

    @Override
    public void bindEdit(long userId, long chatId, int editedRank, List<Long> ids, int rank) {
        List<Long> own = filesOf(chatId, editedRank).stream().map(Stored::id).toList();
        List<Long> wanted = ids == null ? own : List.copyOf(new LinkedHashSet<>(ids));
        List<Long> kept = wanted.stream().filter(own::contains).toList();
        List<Long> added = wanted.stream().filter(id -> !own.contains(id)).toList();
        if (!kept.isEmpty()) {
            attachments.carry(chatId, kept, rank);
        }
        if (!added.isEmpty()) {
            attachments.bind(userId, added, chatId, rank);
        }
    }

    @Override
    public void release(long chatId, int rank) {
        attachments.release(chatId, rank);
    }

    private List<Stored> filesOf(long chatId, int rank) {
        return attachments.ofChat(chatId).stream().filter(f -> f.rank() == rank).toList();
    }

    @Override
    public Context context(long chatId, List<Message> history, String pickerId) {
        if (history.isEmpty()) {
            return Context.EMPTY;
        }
        List<Stored> all = attachments.ofChat(chatId);
        if (all.isEmpty()) {
            return Context.EMPTY;
        }
        Set<Integer> questions = new HashSet<>();
        history.stream().filter(m -> m.role() == Role.USER).forEach(m -> questions.add(m.rank()));
        boolean vision = sees(pickerId);
        Map<Integer, StringBuilder> text = new LinkedHashMap<>();
        Map<Integer, List<ChatModelPort.Image>> images = new LinkedHashMap<>();
        List<PassageSearch.Document> longDocuments = new ArrayList<>();
        for (Stored file : all) {
            if (!questions.contains(file.rank())) {
                continue;
            }
            if (file.kind().image()) {
                if (vision) {
                    attachments.content(file.id()).ifPresent(bytes ->
                            images.computeIfAbsent(file.rank(), r -> new ArrayList<>()).add(new ChatModelPort.Image(file.kind().mediaType(), bytes)));
                } else {
                    text.computeIfAbsent(file.rank(), r -> new StringBuilder())
                            .append("\n\n[A picture is attached: \"").append(file.name()).append("\"; this model cannot see it.]");
                }
            } else if (file.tokens() <= settings.inlineTokens()) {
                StringBuilder added = text.computeIfAbsent(file.rank(), r -> new StringBuilder());
                added.append("\n\n[Attached file \"").append(file.name()).append("\"]\n");
                List<String> pages = attachments.pageTexts(file.id());
                for (int i = 0; i < pages.size(); i++) {
                    if (pages.size() > 1) {
                        added.append("[page ").append(i + 1).append("]\n");
                    }
                    added.append(pages.get(i).strip()).append('\n');
                }
                added.append("[end of \"").append(file.name()).append("\"]");
            } else {
                text.computeIfAbsent(file.rank(), r -> new StringBuilder())
                        .append("\n\n[Attached file \"").append(file.name()).append("\", ").append(file.pages())
                        .append(" pages: too long to include; the passages that match the question are given separately.]");
                longDocuments.add(new PassageSearch.Document(file.id(), file.name(), () -> attachments.pageTexts(file.id())));
            }
        }
        Optional<String> system = Optional.empty();
        List<Message.Source> sources = List.of();
        if (!longDocuments.isEmpty()) {
            String question = history.get(history.size() - 1).content();
            List<PassageSearch.Found> found = search.search(longDocuments, question);
            system = Optional.of(AttachedPrompt.system(found));
            sources = found.stream().map(f -> new Message.Source(0, f.hit().page(), f.document().name() + ": " + f.hit().text())).toList();
        }
        Map<Integer, String> added = new LinkedHashMap<>();
        text.forEach((rank, builder) -> added.put(rank, builder.toString()));
        return new Context(added, images, system, sources);
    }

    private boolean sees(String pickerId) {
        return pickerId != null && vision.sees().test(pickerId);
    }

    /**
     * Which models read pictures: {@code sees} a picker id, {@code ids} all of them. By default the settings' list
     * (OPENAI_VISION_MODELS); the application asks the model catalog, where a connection's model says so itself.
     */
    public record Vision(java.util.function.Predicate<String> sees, java.util.function.Supplier<List<String>> ids) {
    }

    /** Wires the model catalog's answer to "does this model read pictures" (bootstrap, once, before requests arrive). */
    public void vision(Vision vision) {
        this.vision = java.util.Objects.requireNonNull(vision, "vision");
    }

    private Optional<AttachmentContent> contentOf(Stored file) {
        return attachments.content(file.id()).map(bytes -> new AttachmentContent(file.name(), file.kind().mediaType(), bytes));
    }

    private static AttachmentView view(Stored file) {
        return new AttachmentView(file.id(), file.rank(), file.name(), kind(file.kind()), file.kind().image(), file.size(), file.pages());
    }

    private static String kind(AttachmentKind kind) {
        return kind.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The file's own name without folders or control characters, at most 255 characters; a name for a nameless file. */
    static String name(String fileName, AttachmentKind kind) {
        String name = fileName == null ? "" : fileName;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        if (name.isEmpty()) {
            name = "file." + kind(kind);
        }
        return name.length() > NAME_CHARS ? name.substring(0, NAME_CHARS) : name;
    }
}
