package uz.suhbat.application.service.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import uz.suhbat.application.fake.FakeEmbeddings;
import uz.suhbat.application.fake.InMemoryAttachments;
import uz.suhbat.application.fake.InMemoryChatLimits;
import uz.suhbat.application.fake.InMemoryChatRepository;
import uz.suhbat.application.fake.InMemoryKnowledgeModelRepository;
import uz.suhbat.application.fake.InMemoryLimitSettingsRepository;
import uz.suhbat.application.fake.InMemoryUserRepository;
import uz.suhbat.application.fake.MutableClock;
import uz.suhbat.application.fake.RecordingAnswerListener;
import uz.suhbat.application.fake.ScriptedChatModel;
import uz.suhbat.application.port.in.attachment.AttachmentsUseCase.AttachmentView;
import uz.suhbat.application.port.in.attachment.AttachmentsUseCase.Reason;
import uz.suhbat.application.port.in.attachment.AttachmentsUseCase.Upload;
import uz.suhbat.application.port.in.chat.AnswerUseCase.Outcome;
import uz.suhbat.application.port.in.chat.AnswerUseCase.Refusal;
import uz.suhbat.application.port.out.ai.ChatModelPort;
import uz.suhbat.application.port.out.attachment.AttachmentTextPort;
import uz.suhbat.application.port.out.knowledge.EmbeddingModelsPort;
import uz.suhbat.application.port.out.knowledge.EmbeddingPort;
import uz.suhbat.application.service.chat.ChatUseCases;
import uz.suhbat.application.service.knowledge.KnowledgeGrounding;
import uz.suhbat.application.service.knowledge.KnowledgeLibrary;
import uz.suhbat.application.service.knowledge.PassageSearch;
import uz.suhbat.domain.attachment.AttachmentKind;
import uz.suhbat.domain.chat.Role;
import uz.suhbat.domain.knowledge.EmbeddingKind;
import uz.suhbat.domain.user.EmailAddress;
import uz.suhbat.domain.user.User;
import uz.suhbat.domain.user.Username;

/**
 * Files attached to messages, through the real chat services and {@link AttachmentService} on in-memory fakes: checked by
 * content within the limits, bound to the question, short documents whole in the prompt, long ones searched and cited by
 * page, pictures as image parts for vision models only.
 */
class AttachmentUseCasesTest {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13};

    private final MutableClock clock = MutableClock.at("2026-11-30T08:00:00Z");
    private final InMemoryChatRepository chats = new InMemoryChatRepository();
    private final InMemoryUserRepository users = new InMemoryUserRepository().cascadeTo(chats::deleteAllOfUser);
    private final ScriptedChatModel model = new ScriptedChatModel();
    private final InMemoryLimitSettingsRepository quotas = new InMemoryLimitSettingsRepository();
    private final InMemoryAttachments files = new InMemoryAttachments();
    private final ChatUseCases chat = new ChatUseCases(chats, users, model, new InMemoryChatLimits(50, users), clock,
            List.of("gpt-4o-mini", "text-only"), new KnowledgeGrounding(new KnowledgeLibrary(new InMemoryKnowledgeModelRepository(),
            new FakeEmbeddings(), 3, 0.05)), quotas, null);
    /** A "PDF" here is %PDF- and its pages split by form feeds; the real PDFBox reading is AttachmentTextsTest's. */
    private final AttachmentTextPort texts = (kind, content, maxPages) -> {
        String text = new String(content, StandardCharsets.UTF_8);
        List<String> pages = kind == AttachmentKind.PDF ? Arrays.asList(text.substring(5).split("\f")) : List.of(text);
        if (pages.size() > maxPages) {
            throw new AttachmentTextPort.UnreadableAttachmentException(AttachmentTextPort.UnreadableAttachmentException.Reason.TOO_MANY_PAGES,
                    "too many", null);
        }
        return pages;
    };
    private final EmbeddingModelsPort embeddings = new EmbeddingModelsPort() {
        private final FakeEmbeddings fake = new FakeEmbeddings();

        @Override
        public List<EmbeddingKind> available() {
            return List.of(EmbeddingKind.MINILM);
        }

        @Override
        public EmbeddingPort of(EmbeddingKind kind) {
            return fake;
        }
    };
    private final AttachmentService attachments = new AttachmentService(files, texts, chats,
            new PassageSearch(embeddings, (language, word) -> word, 3, 0.05, 3000),
            new AttachmentService.Settings(10_000, 50, 3, 200, List.of("gpt-4o-mini")), clock);

    AttachmentUseCasesTest() {
        chat.answerStarter.attachments(attachments);
        chat.versions.attachments(attachments);
    }

    private long user(String name) {
        User saved = users.save(User.register(new Username(name), new EmailAddress(name + "@example.uz"), "h", clock.instant(), "uz"));
        quotas.addUser(saved.id());
        return users.save(saved.verify(saved.email())).id();
    }

    private AttachmentView stored(long userId, String name, byte[] content) {
        Upload upload = attachments.upload(userId, name, content);
        assertThat(upload).as(name).isInstanceOf(Upload.Stored.class);
        return ((Upload.Stored) upload).attachment();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static Reason refusal(Upload upload) {
        assertThat(upload).isInstanceOf(Upload.Refused.class);
        return ((Upload.Refused) upload).reason();
    }

    private List<ChatModelPort.Turn> lastPrompt() {
        return model.prompts().getLast().turns();
    }

    @Test
    void anUploadIsJudgedByItsContentAndTheLimits() {
        long aziz = user("aziz");

        assertThat(refusal(attachments.upload(aziz, "photo.png", utf8("just some text, not a picture")))).isEqualTo(Reason.NOT_WHAT_NAME_SAYS);
        assertThat(refusal(attachments.upload(aziz, "report.docx", new byte[] {'P', 'K', 3, 4, 0, 0}))).isEqualTo(Reason.NOT_WHAT_NAME_SAYS);
        assertThat(refusal(attachments.upload(aziz, "archive.zip", new byte[] {'P', 'K', 3, 4, 0, 0}))).isEqualTo(Reason.UNSUPPORTED);
        assertThat(refusal(attachments.upload(aziz, "tool.exe", new byte[] {'M', 'Z', 0, 1, 2}))).isEqualTo(Reason.UNSUPPORTED);
        assertThat(refusal(attachments.upload(aziz, "empty.txt", new byte[0]))).isEqualTo(Reason.EMPTY);
        assertThat(refusal(attachments.upload(aziz, "big.txt", utf8("x".repeat(10_001))))).isEqualTo(Reason.TOO_LARGE);
        assertThat(refusal(attachments.upload(aziz, "long.pdf", utf8("%PDF-" + "page\f".repeat(51))))).isEqualTo(Reason.TOO_MANY_PAGES);
        assertThat(refusal(attachments.upload(aziz, "blank.pdf", utf8("%PDF- \f \f")))).isEqualTo(Reason.NO_TEXT);

        AttachmentView picture = stored(aziz, "named-wrong.txt", PNG);
        assertThat(picture.kind()).isEqualTo("png");
        assertThat(picture.image()).isTrue();
        AttachmentView notes = stored(aziz, "../../etc/notes.md", utf8("# Notes"));
        assertThat(notes).extracting(AttachmentView::name, AttachmentView::kind, AttachmentView::pages, AttachmentView::rank)
                .containsExactly("notes.md", "text", 1, 0);
        assertThat(attachments.content(aziz, notes.id())).hasValueSatisfying(c -> assertThat(c.mediaType()).isEqualTo("text/plain"));
        assertThat(attachments.content(user("other"), notes.id())).as("not someone else's").isEmpty();
    }

    @Test
    void aShortDocumentGoesIntoItsQuestionWholeAndStaysWithTheChat() {
        long aziz = user("aziz");
        AttachmentView notes = stored(aziz, "recipe.txt", utf8("Osh needs rice, carrots and lamb."));
        model.answers("Rice, carrots, lamb.");
        RecordingAnswerListener listener = new RecordingAnswerListener();

        Outcome outcome = chat.starting.start(aziz, "gpt-4o-mini", "What does osh need?", List.of(notes.id()), listener);

        assertThat(outcome).isInstanceOf(Outcome.Started.class);
        ChatModelPort.Turn question = lastPrompt().getLast();
        assertThat(question.role()).isEqualTo(Role.USER);
        assertThat(question.content()).startsWith("What does osh need?").contains("recipe.txt").contains("Osh needs rice, carrots and lamb.");
        assertThat(attachments.ofChat(aziz, listener.chatId())).singleElement().satisfies(view -> {
            assertThat(view.id()).isEqualTo(notes.id());
            assertThat(view.rank()).isEqualTo(1);
        });
        assertThat(attachments.ofChat(user("someone"), listener.chatId())).isEmpty();

        // the next question still carries the document with the first one
        model.answers("Yes.");
        chat.sending.send(aziz, listener.chatId(), "Is lamb needed?", null, new RecordingAnswerListener());
        assertThat(lastPrompt().get(0).content()).contains("Osh needs rice");

        // sent once: the same upload cannot go with another message
        assertThat(chat.sending.send(aziz, listener.chatId(), "Again", null, List.of(notes.id()), new RecordingAnswerListener()))
                .isEqualTo(new Outcome.Refused(Refusal.ATTACHMENT_NOT_FOUND));
    }

    @Test
    void aLongDocumentIsSearchedForTheQuestionAndItsPageCited() {
        long aziz = user("aziz");
        List<String> pages = new ArrayList<>(IntStream.rangeClosed(1, 40)
                .mapToObj(i -> "Page " + i + " describes the ordinary weather of the valley in spring and autumn.").toList());
        pages.set(26, "The secret password of the observatory is ULUGBEK-1420, written on page twenty-seven.");
        AttachmentView report = stored(aziz, "report.pdf", utf8("%PDF-" + String.join("\f", pages)));
        assertThat(report.pages()).isEqualTo(40);
        model.answers("It is ULUGBEK-1420 (report.pdf, page 27).");
        RecordingAnswerListener listener = new RecordingAnswerListener();

        chat.starting.start(aziz, "gpt-4o-mini", "What is the secret password of the observatory?", List.of(report.id()), listener);

        List<ChatModelPort.Turn> prompt = lastPrompt();
        assertThat(prompt.getFirst().role()).isEqualTo(Role.SYSTEM);
        assertThat(prompt.getFirst().content()).contains("[report.pdf, page 27]").contains("ULUGBEK-1420");
        assertThat(prompt.getLast().content()).doesNotContain("ULUGBEK").contains("report.pdf").contains("40 pages");
        assertThat(listener.sources()).anySatisfy(source -> {
            assertThat(source.page()).isEqualTo(27);
            assertThat(source.text()).startsWith("report.pdf: ").contains("ULUGBEK-1420");
        });
        assertThat(chat.chat(aziz, listener.chatId()).orElseThrow().messages().getLast().sources())
                .anySatisfy(source -> assertThat(source.page()).isEqualTo(27));
    }

    @Test
    void picturesGoToVisionModelsAsImagePartsAndAreRefusedForOthersBeforeAnythingIsStored() {
        long aziz = user("aziz");
        AttachmentView photo = stored(aziz, "cat.png", PNG);

        Outcome refused = chat.starting.start(aziz, "text-only", "What is on the photo?", List.of(photo.id()), new RecordingAnswerListener());
        assertThat(refused).isEqualTo(new Outcome.Refused(Refusal.IMAGES_NOT_SUPPORTED));
        assertThat(chat.chats(aziz)).isEmpty();

        model.answers("A cat.");
        RecordingAnswerListener listener = new RecordingAnswerListener();
        chat.starting.start(aziz, "gpt-4o-mini", "What is on the photo?", List.of(photo.id()), listener);

        ChatModelPort.Turn question = lastPrompt().getLast();
        assertThat(question.images()).singleElement().satisfies(image -> {
            assertThat(image.mediaType()).isEqualTo("image/png");
            assertThat(image.content()).isEqualTo(PNG);
        });
        // the chat moves to a model without sight: the picture is named, not sent
        model.answers("I cannot see it.");
        chat.sending.send(aziz, listener.chatId(), "And now?", "text-only", new RecordingAnswerListener());
        assertThat(lastPrompt().get(0).images()).isEmpty();
        assertThat(lastPrompt().get(0).content()).contains("cat.png").contains("cannot see it");
    }

    @Test
    void messagesCarryOnlyTheirUsersUploadsAndNoMoreThanTheLimit() {
        long aziz = user("aziz");
        long bobur = user("bobur");
        AttachmentView boburs = stored(bobur, "b.txt", utf8("b"));
        List<Long> four = IntStream.range(0, 4).mapToObj(i -> stored(aziz, i + ".txt", utf8("text " + i)).id()).toList();

        assertThat(chat.starting.start(aziz, "gpt-4o-mini", "Hi", List.of(boburs.id()), new RecordingAnswerListener()))
                .isEqualTo(new Outcome.Refused(Refusal.ATTACHMENT_NOT_FOUND));
        assertThat(chat.starting.start(aziz, "gpt-4o-mini", "Hi", four, new RecordingAnswerListener()))
                .isEqualTo(new Outcome.Refused(Refusal.TOO_MANY_ATTACHMENTS));
        assertThat(chat.chats(aziz)).isEmpty();
    }

    @Test
    void uploadsNoMessageCarriedAreDeletedAfterADayAndAChatsFilesWithTheChat() {
        long aziz = user("aziz");
        AttachmentView forgotten = stored(aziz, "forgotten.txt", utf8("f"));
        AttachmentView sent = stored(aziz, "sent.txt", utf8("s"));
        model.answers("ok");
        RecordingAnswerListener listener = new RecordingAnswerListener();
        chat.starting.start(aziz, "gpt-4o-mini", "Hi", List.of(sent.id()), listener);

        clock.advance(Duration.ofHours(23));
        assertThat(attachments.deleteAbandoned()).isZero();
        clock.advance(Duration.ofHours(2));
        assertThat(attachments.deleteAbandoned()).isEqualTo(1);
        assertThat(attachments.content(aziz, forgotten.id())).isEmpty();
        assertThat(attachments.content(aziz, sent.id())).isPresent();

        // the admin's view of the chat
        assertThat(attachments.ofChat(listener.chatId())).extracting(AttachmentView::name).containsExactly("sent.txt");
        assertThat(attachments.fileOfChat(listener.chatId(), sent.id())).isPresent();
        assertThat(attachments.fileOfChat(listener.chatId() + 1, sent.id())).isEmpty();

        chat.delete(aziz, listener.chatId());
        files.deleteChat(listener.chatId());
        assertThat(attachments.ofChat(listener.chatId())).isEmpty();
    }

    /** The question {@code rank} of the chat's active branch. */
    private int lastQuestionRank(long userId, long chatId) {
        return chat.chat(userId, chatId).orElseThrow().messages().stream().filter(m -> m.role().equals(Role.USER.wireName())).reduce((a, b) -> b)
                .orElseThrow().rank();
    }

    private List<String> namesAt(long userId, long chatId, int rank) {
        return attachments.ofChat(userId, chatId).stream().filter(v -> v.rank() == rank).map(AttachmentView::name).toList();
    }

    @Test
    void anEditedQuestionKeepsItsFilesAndSendsThemAgain_unlessTheEditLeavesThemOut() {
        long aziz = user("aziz");
        AttachmentView notes = stored(aziz, "recipe.txt", utf8("Osh needs rice, carrots and lamb."));
        AttachmentView photo = stored(aziz, "cat.png", PNG);
        model.answers("A1");
        RecordingAnswerListener first = new RecordingAnswerListener();
        chat.starting.start(aziz, "gpt-4o-mini", "What is this?", List.of(notes.id(), photo.id()), first);
        long chatId = first.chatId();

        model.answers("A2");
        assertThat(chat.sending.edit(aziz, chatId, 1, "What is this, exactly?", null, new RecordingAnswerListener()))
                .isInstanceOf(Outcome.Started.class);

        ChatModelPort.Turn edited = lastPrompt().getLast();
        assertThat(edited.content()).startsWith("What is this, exactly?").contains("recipe.txt").contains("Osh needs rice");
        assertThat(edited.images()).singleElement().satisfies(image -> assertThat(image.content()).isEqualTo(PNG));
        int editedRank = lastQuestionRank(aziz, chatId);
        assertThat(editedRank).isNotEqualTo(1);
        assertThat(namesAt(aziz, chatId, editedRank)).containsExactly("recipe.txt", "cat.png");
        assertThat(namesAt(aziz, chatId, 1)).as("the old version keeps its files").containsExactly("recipe.txt", "cat.png");

        // an edit of the edit that leaves the picture out, and adds a new file
        AttachmentView more = stored(aziz, "more.txt", utf8("Zira is the spice."));
        model.answers("A3");
        chat.sending.edit(aziz, chatId, editedRank, "And the spice?", null, List.of(notes.id(), more.id()), new RecordingAnswerListener());
        ChatModelPort.Turn again = lastPrompt().getLast();
        assertThat(again.images()).isEmpty();
        assertThat(again.content()).contains("Osh needs rice").contains("Zira is the spice.").doesNotContain("cat.png");
        assertThat(namesAt(aziz, chatId, lastQuestionRank(aziz, chatId))).containsExactly("recipe.txt", "more.txt");

        // the files of another question, or someone else's upload, are not the edit's to name; nothing is stored then
        int before = chat.chat(aziz, chatId).orElseThrow().messages().size();
        long bobur = user("bobur");
        AttachmentView boburs = stored(bobur, "b.txt", utf8("b"));
        assertThat(chat.sending.edit(aziz, chatId, 1, "Q", null, List.of(boburs.id()), new RecordingAnswerListener()))
                .isEqualTo(new Outcome.Refused(Refusal.ATTACHMENT_NOT_FOUND));
        assertThat(chat.sending.edit(aziz, chatId, 1, "Q", null, List.of(more.id()), new RecordingAnswerListener()))
                .as("more.txt went with another version").isEqualTo(new Outcome.Refused(Refusal.ATTACHMENT_NOT_FOUND));
        // a kept picture needs a model that sees it, as a new one does
        assertThat(chat.sending.edit(aziz, chatId, 1, "Q", "text-only", null, new RecordingAnswerListener()))
                .isEqualTo(new Outcome.Refused(Refusal.IMAGES_NOT_SUPPORTED));
        assertThat(chat.chat(aziz, chatId).orElseThrow().messages()).hasSize(before);
    }

    @Test
    void regenerateSendsTheQuestionsFilesAgain() {
        long aziz = user("aziz");
        AttachmentView notes = stored(aziz, "recipe.txt", utf8("Osh needs rice, carrots and lamb."));
        AttachmentView photo = stored(aziz, "cat.png", PNG);
        model.answers("A1");
        RecordingAnswerListener first = new RecordingAnswerListener();
        chat.starting.start(aziz, "gpt-4o-mini", "What is this?", List.of(notes.id(), photo.id()), first);

        model.answers("A1, again");
        assertThat(chat.regenerate(aziz, first.chatId(), new RecordingAnswerListener())).isInstanceOf(Outcome.Started.class);

        assertThat(model.prompts()).hasSize(2);
        ChatModelPort.Turn question = lastPrompt().getLast();
        assertThat(question.content()).contains("recipe.txt").contains("Osh needs rice");
        assertThat(question.images()).singleElement().satisfies(image -> assertThat(image.mediaType()).isEqualTo("image/png"));
    }

    @Test
    void aQuestionRemovedUnansweredTakesItsFilesAlong_theNextQuestionInItsPlaceHasNone() {
        long aziz = user("aziz");
        model.answers("A1");
        RecordingAnswerListener first = new RecordingAnswerListener();
        chat.starting.start(aziz, "gpt-4o-mini", "Hello", first);
        long chatId = first.chatId();
        AttachmentView secret = stored(aziz, "secret.txt", utf8("The code is 4711."));
        model.failsAfter(ChatModelPort.FailureKind.UNAVAILABLE);
        chat.sending.send(aziz, chatId, "Read this", null, List.of(secret.id()), new RecordingAnswerListener());
        int failed = lastQuestionRank(aziz, chatId);
        assertThat(namesAt(aziz, chatId, failed)).containsExactly("secret.txt");

        assertThat(chat.versions.removeUnanswered(aziz, chatId, failed)).isEqualTo(uz.suhbat.application.port.in.chat.MessageVersionsUseCase.Result.DONE);
        model.answers("A2");
        chat.sending.send(aziz, chatId, "Something else", null, new RecordingAnswerListener());

        assertThat(lastPrompt().getLast().content()).isEqualTo("Something else");
        assertThat(attachments.ofChat(aziz, chatId)).isEmpty();
        assertThat(attachments.content(aziz, secret.id())).isEmpty();
    }

    @Test
    void aShareLinkNamesTheQuestionsFilesAsTheyWereWithoutTheirContent() {
        long aziz = user("aziz");
        AttachmentView notes = stored(aziz, "recipe.txt", utf8("Osh needs rice, carrots and lamb."));
        AttachmentView photo = stored(aziz, "cat.png", PNG);
        model.answers("Rice and a cat.");
        RecordingAnswerListener first = new RecordingAnswerListener();
        chat.starting.start(aziz, "gpt-4o-mini", "What is this?", List.of(notes.id(), photo.id()), first);
        var sharing = new uz.suhbat.application.service.conversation.ShareChatService(chats, chat.conversations, chat.conversations, files,
                clock);

        var shared = (uz.suhbat.application.port.in.conversation.ShareChatUseCase.Result.Shared) sharing.share(aziz, first.chatId());
        // files sent later, with a later question, are not in the link made before
        AttachmentView later = stored(aziz, "later.txt", utf8("later"));
        model.answers("ok");
        chat.sending.send(aziz, first.chatId(), "More", null, List.of(later.id()), new RecordingAnswerListener());

        var view = sharing.shared(shared.link().token()).orElseThrow();
        assertThat(view.messages()).hasSize(2);
        assertThat(view.messages().get(0).files()).containsExactly(
                new uz.suhbat.application.port.in.conversation.ShareChatUseCase.SharedFile("recipe.txt", "text", false, 1),
                new uz.suhbat.application.port.in.conversation.ShareChatUseCase.SharedFile("cat.png", "png", true, 0));
        assertThat(view.messages().get(1).files()).isEmpty();
    }

    @Test
    void myDataHoldsEachQuestionsFilesWithTheirText() {
        long aziz = user("aziz");
        AttachmentView notes = stored(aziz, "report.pdf", utf8("%PDF-First page text\fSecond page text"));
        AttachmentView photo = stored(aziz, "cat.png", PNG);
        model.answers("Noted.");
        RecordingAnswerListener first = new RecordingAnswerListener();
        chat.starting.start(aziz, "gpt-4o-mini", "Read these", List.of(notes.id(), photo.id()), first);
        model.answers("Someone else's.");
        long bobur = user("bobur");
        chat.starting.start(bobur, "gpt-4o-mini", "Mine", List.of(stored(bobur, "b.txt", utf8("bobur's")).id()), new RecordingAnswerListener());

        var export = new uz.suhbat.application.service.conversation.MyDataService(chats, chat.conversations, files).chats(aziz);

        assertThat(export).singleElement().satisfies(c -> {
            assertThat(c.messages().get(0).attachments()).extracting(f -> f.name() + ":" + f.kind() + ":" + f.pages())
                    .containsExactly("report.pdf:pdf:2", "cat.png:png:0");
            assertThat(c.messages().get(0).attachments().get(0).pageTexts()).containsExactly("First page text", "Second page text");
            assertThat(c.messages().get(0).attachments().get(1).pageTexts()).isEmpty();
            assertThat(c.messages().get(1).attachments()).isEmpty();
        });
    }
}
