package uz.suhbat.application.service.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import uz.suhbat.application.fake.FixedContextWindows;
import uz.suhbat.application.fake.InMemoryApiKeys;
import uz.suhbat.application.fake.InMemoryLimitSettingsRepository;
import uz.suhbat.application.fake.InMemoryUserRepository;
import uz.suhbat.application.fake.MutableClock;
import uz.suhbat.application.fake.ScriptedChatModel;
import uz.suhbat.application.port.in.api.ApiCompletionUseCase;
import uz.suhbat.application.port.in.api.ApiCompletionUseCase.Outcome;
import uz.suhbat.application.port.in.api.ApiCompletionUseCase.Refusal;
import uz.suhbat.application.port.in.api.ApiCompletionUseCase.Request;
import uz.suhbat.application.port.in.api.ApiCompletionUseCase.Turn;
import uz.suhbat.application.port.in.api.ApiKeysUseCase.ApiCaller;
import uz.suhbat.application.port.in.chat.AnswerUseCase.AnswerFailure;
import uz.suhbat.application.port.in.chat.ChatQuery.SourceView;
import uz.suhbat.application.port.out.ai.ChatModelPort;
import uz.suhbat.domain.chat.Message;
import uz.suhbat.domain.chat.Role;
import uz.suhbat.domain.knowledge.KnowledgeModel;
import uz.suhbat.domain.limit.DailyQuota;
import uz.suhbat.domain.user.EmailAddress;
import uz.suhbat.domain.user.User;
import uz.suhbat.domain.user.Username;

class ApiCompletionServiceTest {

    private static final java.time.LocalDate TODAY = java.time.LocalDate.of(2026, 11, 29);
    private final MutableClock clock = MutableClock.at("2026-11-29T08:00:00Z");
    private final InMemoryUserRepository users = new InMemoryUserRepository();
    private final InMemoryApiKeys keys = new InMemoryApiKeys(users);
    private final InMemoryLimitSettingsRepository quotas = new InMemoryLimitSettingsRepository();
    private final ScriptedChatModel model = new ScriptedChatModel();
    private final OnePdfModel pdf = new OnePdfModel();
    private final ModelCatalog catalog = new ModelCatalog(List.of("gpt-4o-mini"), pdf, new FixedContextWindows(8_000));

    private ApiCompletionService service(boolean storeContent) {
        return new ApiCompletionService(users, model, catalog, pdf, quotas, keys, storeContent, clock);
    }

    private ApiCaller caller(boolean verified) {
        User user = users.save(User.register(new Username("aziz"), new EmailAddress("aziz@example.uz"), "h", clock.instant(), "uz"));
        quotas.addUser(user.id());
        if (verified) {
            users.save(user.verify(user.email()));
        }
        return new ApiCaller(user.id(), keys.create(user.id(), "k", "sk-suhbat-aaaaaa", "a".repeat(64), clock.instant()).id());
    }

    private static Request ask(String model, String question) {
        return new Request(model, List.of(new Turn(Role.SYSTEM, "Be brief."), new Turn(Role.USER, question)));
    }

    @Test
    void theWholeConversationGoesToTheModel_theAnswerStreams_andTheKeyIsCharged() {
        ApiCaller caller = caller(true);
        model.answers("Sa", "lom");
        Recording listener = new Recording();

        assertThat(service(false).complete(caller, ask("gpt-4o-mini", "Salom?"), listener)).isInstanceOf(Outcome.Started.class);

        assertThat(model.prompts()).singleElement().satisfies(p -> {
            assertThat(p.model()).isEqualTo("gpt-4o-mini");
            assertThat(p.turns()).containsExactly(new ChatModelPort.Turn(Role.SYSTEM, "Be brief."), new ChatModelPort.Turn(Role.USER, "Salom?"));
        });
        assertThat(listener.events).containsExactly("delta Sa", "delta lom", "done 11/2");
        assertThat(keys.usageByKey(TODAY, TODAY)).singleElement().satisfies(u -> {
            assertThat(u.requests()).isEqualTo(1);
            assertThat(u.inputTokens()).isEqualTo(11);
            assertThat(u.outputTokens()).isEqualTo(2);
        });
        assertThat(keys.exchanges()).as("content is not kept by default").isEmpty();
    }

    @Test
    void withStoreContentOn_theQuestionAndAnswerAreKept() {
        ApiCaller caller = caller(true);
        model.answers("Salom!");

        service(true).complete(caller, ask("gpt-4o-mini", "Salom?"), new Recording());

        assertThat(keys.exchanges()).containsExactly(caller.keyId() + "\tgpt-4o-mini\tSalom?\tSalom!");
    }

    @Test
    void aPdfModelIsGroundedInItsPassagesAndAnsweredByItsBaseModel() {
        ApiCaller caller = caller(true);
        model.answers("7-betda.");
        Recording listener = new Recording();

        service(false).complete(caller, ask("pdf-5", "Registon qachon qurilgan?"), listener);

        assertThat(pdf.questions).containsExactly("Registon qachon qurilgan?");
        assertThat(model.prompts()).singleElement().satisfies(p -> {
            assertThat(p.model()).isEqualTo("gpt-4o");
            assertThat(p.turns().getFirst()).isEqualTo(new ChatModelPort.Turn(Role.SYSTEM, "Use page 7."));
            assertThat(p.turns()).hasSize(3);
        });
        assertThat(listener.events).containsExactly("sources 7", "delta 7-betda.", "done 11/1");
        assertThat(keys.usageByKey(TODAY, TODAY)).singleElement()
                .satisfies(u -> assertThat(u.requests()).isEqualTo(1));
    }

    @Test
    void theDailyQuotaCountsEveryRequest_andRefusesOnceUsed() {
        ApiCaller caller = caller(true);
        quotas.saveDefaultDailyQuota(new DailyQuota(1));
        model.answers("bir");

        assertThat(service(false).complete(caller, ask("gpt-4o-mini", "1"), new Recording())).isInstanceOf(Outcome.Started.class);
        Outcome second = service(false).complete(caller, ask("gpt-4o-mini", "2"), new Recording());

        assertThat(second).isInstanceOfSatisfying(Outcome.Refused.class, r -> {
            assertThat(r.reason()).isEqualTo(Refusal.DAILY_QUOTA_REACHED);
            assertThat(r.today()).get().satisfies(t -> assertThat(t.used()).isEqualTo(1));
        });
        assertThat(model.prompts()).hasSize(1);
    }

    @Test
    void badRequestsAreRefusedBeforeTheModelOrTheQuota() {
        ApiCaller caller = caller(true);
        quotas.saveDefaultDailyQuota(new DailyQuota(1));
        ApiCompletionService service = service(false);

        assertThat(service.complete(caller, ask("gpt-5-unknown", "Salom"), new Recording()))
                .isEqualTo(new Outcome.Refused(Refusal.UNKNOWN_MODEL, Optional.empty()));
        assertThat(service.complete(caller, new Request("gpt-4o-mini", List.of(new Turn(Role.SYSTEM, "only a system"))), new Recording()))
                .isEqualTo(new Outcome.Refused(Refusal.INVALID_MESSAGES, Optional.empty()));
        assertThat(service.complete(caller, ask("gpt-4o-mini", "so'z ".repeat(5_000)), new Recording()))
                .isEqualTo(new Outcome.Refused(Refusal.CONTEXT_TOO_LONG, Optional.empty()));
        assertThat(model.prompts()).isEmpty();
        assertThat(quotas.counted(caller.userId(), TODAY)).as("nothing counted").isZero();
    }

    @Test
    void anUnverifiedOrBlockedOwnerIsRefused() {
        ApiCaller unverified = caller(false);
        assertThat(service(false).complete(unverified, ask("gpt-4o-mini", "Salom"), new Recording()))
                .isEqualTo(new Outcome.Refused(Refusal.EMAIL_NOT_VERIFIED, Optional.empty()));
        users.save(users.findById(unverified.userId()).orElseThrow().block("spam"));
        assertThat(service(false).complete(unverified, ask("gpt-4o-mini", "Salom"), new Recording()))
                .isEqualTo(new Outcome.Refused(Refusal.BLOCKED, Optional.empty()));
    }

    @Test
    void aFailureOfTheModelReachesTheListener_andTheRequestStillCounts() {
        ApiCaller caller = caller(true);
        model.failsAfter(ChatModelPort.FailureKind.RATE_LIMITED);
        Recording listener = new Recording();

        service(false).complete(caller, ask("gpt-4o-mini", "Salom"), listener);

        assertThat(listener.events).containsExactly("failed MODEL_RATE_LIMITED");
        assertThat(keys.usageByKey(TODAY, TODAY)).singleElement().satisfies(u -> assertThat(u.requests()).isEqualTo(1));
    }

    @Test
    void aClientThatGoesAwayStopsTheModel_andIsCountedOnce() {
        ApiCaller caller = caller(true);
        ScriptedChatModel.Held held = model.holds("bir");
        Recording listener = new Recording();
        Outcome.Started started = (Outcome.Started) service(false).complete(caller, ask("gpt-4o-mini", "Salom"), listener);

        started.stop().run();
        held.send("ikki");
        held.complete();

        assertThat(model.cancelled()).isTrue();
        assertThat(listener.events).containsExactly("delta bir");
        assertThat(keys.usageByKey(TODAY, TODAY)).singleElement().satisfies(u -> assertThat(u.requests()).isEqualTo(1));
    }

    private static final class Recording implements ApiCompletionUseCase.Listener {
        final List<String> events = new ArrayList<>();

        @Override
        public void sources(List<SourceView> sources) {
            events.add("sources " + String.join(",", sources.stream().map(s -> String.valueOf(s.page())).toList()));
        }

        @Override
        public void delta(String text) {
            events.add("delta " + text);
        }

        @Override
        public void done(int inputTokens, int outputTokens) {
            events.add("done " + inputTokens + "/" + outputTokens);
        }

        @Override
        public void failed(AnswerFailure failure) {
            events.add("failed " + failure);
        }
    }

    /** One launched PDF model, "pdf-5" on gpt-4o, whose every answer is grounded in page 7. */
    private static final class OnePdfModel implements PdfModels {
        final List<String> questions = new ArrayList<>();
        final KnowledgeModel model = KNOWLEDGE_MODEL;

        @Override
        public Optional<KnowledgeModel> pickable(String pickerId) {
            return model.pickerId().equals(pickerId) ? Optional.of(model) : Optional.empty();
        }

        @Override
        public List<KnowledgeModel> launched() {
            return List.of(model);
        }

        @Override
        public Grounding ground(KnowledgeModel model, String question) {
            questions.add(question);
            return new Grounding(List.of(new Message.Source(5, 7, "Registon 1420-yilda")), "Use page 7.");
        }
    }

    private static final KnowledgeModel KNOWLEDGE_MODEL = new KnowledgeModel(5, "Registon", "", "gpt-4o", null, "f.pdf", "minilm",
            KnowledgeModel.Status.READY, null, 10, 10, 40, true, java.time.Instant.EPOCH);
}
