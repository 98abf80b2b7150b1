package uz.suhbat.application.service.chat;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import uz.suhbat.application.port.in.chat.AnswerUseCase.AnswerFailure;
import uz.suhbat.application.port.in.chat.AnswerUseCase.AnswerListener;
import uz.suhbat.application.port.in.chat.ChatQuery.SourceView;
import uz.suhbat.application.port.in.chat.AnswerUseCase.Outcome;
import uz.suhbat.application.port.in.chat.StartChatUseCase;
import uz.suhbat.application.port.in.chat.StartChatUseCase.AuthorReadAhead;
import uz.suhbat.application.port.out.ai.ChatModelPort;
import uz.suhbat.application.port.out.conversation.ChatShelfRepository;
import uz.suhbat.domain.chat.ChatTitle;
import uz.suhbat.domain.chat.Role;
import uz.suhbat.domain.shared.ShortText;

/**
 * Titles written by a model: once a new chat's first answer is stored, a separate small request asks the title model
 * (the {@code TITLE_MODEL} setting, else the model that answered) for a title of at most six words in the chat's
 * language. It replaces the first words only while the user has not renamed the chat (the title's source says so, in
 * the database, so this holds on every node); if the request fails, the first words stay. The screen learns of the new
 * title by asking for the chat list again while the title is pending.
 */
public final class ModelTitles {

    /** The longest piece of the question and of the answer that the title request sees. */
    static final int EXCERPT = 1500;
    static final String INSTRUCTION = "Write a title for this conversation: at most " + ChatTitle.MODEL_WORDS
            + " words, in the language (and the script) the user wrote in. Reply with the title only: no quotes, no label,"
            + " no full stop.";

    private final ChatShelfRepository shelf;
    private final ChatModelPort model;
    private final ModelCatalog catalog;
    private final String titleModel;

    /** @param titleModel the model that writes titles; null or blank: the model that answered the chat */
    public ModelTitles(ChatShelfRepository shelf, ChatModelPort model, ModelCatalog catalog, String titleModel) {
        this.shelf = shelf;
        this.model = model;
        this.catalog = catalog;
        this.titleModel = titleModel == null || titleModel.isBlank() ? null : titleModel.strip();
    }

    /** Starting a chat as {@code inner} does, followed by a model's title once its first answer is stored. */
    public StartChatUseCase around(StartChatUseCase inner) {
        return new StartChatUseCase() {
            @Override
            public Outcome start(long userId, String modelId, String content, AnswerListener listener) {
                return inner.start(userId, modelId, content, new Listening(listener, modelId, content));
            }

            @Override
            public Outcome start(long userId, String modelId, String content, List<Long> attachments, AnswerListener listener) {
                return inner.start(userId, modelId, content, attachments, new Listening(listener, modelId, content));
            }

            // passes on what the request read of its author ahead (SessionCheckQuery.checkStartingChat)
            @Override
            public Outcome start(AuthorReadAhead ahead, long userId, String modelId, String content, List<Long> attachments,
                                 AnswerListener listener) {
                return inner.start(ahead, userId, modelId, content, attachments, new Listening(listener, modelId, content));
            }
        };
    }

    /** Asks for a title of the chat (if its title is still the first words); the answer arrives later. */
    void write(long chatId, String chatModel, String question, String answer) {
        if (!shelf.startModelTitle(chatId)) {
            return;
        }
        String writer = titleModel != null ? titleModel
                : catalog.choose(chatModel).map(ModelCatalog.ModelChoice::answeringModel).orElse(chatModel);
        ChatModelPort.Prompt prompt = new ChatModelPort.Prompt(writer, List.of(
                new ChatModelPort.Turn(Role.SYSTEM, INSTRUCTION),
                new ChatModelPort.Turn(Role.USER, ShortText.cutWithEllipsis(question, EXCERPT)),
                new ChatModelPort.Turn(Role.ASSISTANT, ShortText.cutWithEllipsis(answer, EXCERPT)),
                new ChatModelPort.Turn(Role.USER, INSTRUCTION)));
        try {
            model.stream(prompt, new TitleSink(chatId));
        } catch (RuntimeException e) {
            shelf.abandonModelTitle(chatId);
        }
    }

    private final class TitleSink implements ChatModelPort.AnswerSink {
        private final long chatId;
        private final StringBuilder text = new StringBuilder();

        TitleSink(long chatId) {
            this.chatId = chatId;
        }

        @Override
        public synchronized void delta(String piece) {
            if (text.length() < 1000) {
                text.append(piece);
            }
        }

        @Override
        public synchronized void completed(ChatModelPort.TokenUsage usage) {
            String title = ChatTitle.fromModel(text.toString());
            if (title == null) {
                shelf.abandonModelTitle(chatId);
            } else {
                shelf.finishModelTitle(chatId, title);
            }
        }

        @Override
        public void failed(ChatModelPort.Failure failure) {
            shelf.abandonModelTitle(chatId);
        }
    }

    /** Passes everything on, and asks for a title once the first answer is done. */
    private final class Listening implements AnswerListener {
        private final AnswerListener inner;
        private final String modelId;
        private final String question;
        private final AtomicLong chatId = new AtomicLong();
        private final StringBuilder answer = new StringBuilder();

        Listening(AnswerListener inner, String modelId, String question) {
            this.inner = inner;
            this.modelId = modelId;
            this.question = question;
        }

        @Override
        public void chatCreated(long id, String title) {
            chatId.set(id);
            inner.chatCreated(id, title);
        }

        @Override
        public void sources(List<SourceView> sources) {
            inner.sources(sources);
        }

        @Override
        public void delta(String text) {
            synchronized (answer) {
                if (answer.length() <= EXCERPT) {
                    answer.append(text);
                }
            }
            inner.delta(text);
        }

        @Override
        public void done(Done done) {
            try {
                inner.done(done);
            } finally {
                long id = chatId.get();
                if (id != 0) {
                    String text;
                    synchronized (answer) {
                        text = answer.toString();
                    }
                    write(id, modelId, question, text);
                }
            }
        }

        @Override
        public void failed(AnswerFailure failure) {
            inner.failed(failure);
        }
    }
}
