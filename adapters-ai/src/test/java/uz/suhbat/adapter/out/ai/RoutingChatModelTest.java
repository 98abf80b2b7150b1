package uz.suhbat.adapter.out.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import uz.suhbat.adapter.out.ai.fake.FakeAnthropic;
import uz.suhbat.adapter.out.ai.fake.FakeOpenAi;
import uz.suhbat.adapter.out.ai.fake.RecordedRequest;
import uz.suhbat.adapter.out.ai.fake.Reply;
import uz.suhbat.application.port.out.ai.ChatModelPort.FailureKind;
import uz.suhbat.application.port.out.ai.ChatModelPort.Prompt;
import uz.suhbat.application.port.out.ai.ChatModelPort.Turn;
import uz.suhbat.application.port.out.provider.ConnectionRepository;
import uz.suhbat.application.port.out.provider.ProviderClientsPort;
import uz.suhbat.application.port.out.provider.ProviderClientsPort.Endpoint;
import uz.suhbat.application.port.out.security.SecretBoxPort;
import uz.suhbat.domain.chat.Role;
import uz.suhbat.domain.provider.Connection;
import uz.suhbat.domain.provider.ConnectionKind;
import uz.suhbat.domain.provider.ConnectionModel;

/**
 * The routing chat model against two fake OpenAI-compatible servers: OPENAI_* and a second connection (an Ollama with its
 * own key). The connections come from a list standing in for the database; keys are "sealed" by a reversible stand-in
 * box (the real AES-GCM box is the crypto adapter's, tested there).
 */
class RoutingChatModelTest {

    private static final String SETTINGS_KEY = "sk-settings-key";
    private static final String OLLAMA_KEY = "ollama-own-key-123456";

    private final FakeOpenAi settingsUpstream = FakeOpenAi.start();
    private final FakeOpenAi ollama = FakeOpenAi.start().requireKey(OLLAMA_KEY).listModels("llama3.2:3b", "qwen2.5:7b");
    private final List<Connection> rows = new CopyOnWriteArrayList<>();
    private final OpenAiChatModel fromSettings = new OpenAiChatModel(new OpenAiSettings(settingsUpstream.baseUrl(), SETTINGS_KEY,
            Duration.ofSeconds(10), 1, Duration.ZERO));
    private final ProviderClients providers = new ProviderClients(OpenAiSettings.of("", ""));
    private final RoutingChatModel routing = new RoutingChatModel(fromSettings, new Listed(), new ReversedBox(), providers);

    @AfterEach
    void close() {
        routing.close();
        fromSettings.close();
        settingsUpstream.close();
        ollama.close();
    }

    private Connection ollama(boolean enabled, int version, String sealedKey, ConnectionModel... models) {
        return new Connection(7, "Ollama", ConnectionKind.OPENAI_COMPATIBLE, ollama.baseUrl(), sealedKey, "…3456", enabled, version, List.of(models));
    }

    private static Prompt prompt(String model) {
        return new Prompt(model, List.of(new Turn(Role.USER, "Salom")));
    }

    @Test
    void aConnectionsModelIsAnsweredThroughItsAddressAndKey_withTheAdminsDefaults() {
        rows.add(ollama(true, 1, ReversedBox.sealed(OLLAMA_KEY), new ConnectionModel("llama3.2:3b", "Llama", "Answer briefly.", 0.25, false)));
        ollama.enqueue(Reply.answer("Salom, men Llama."));

        RecordingSink sink = new RecordingSink();
        routing.stream(prompt(ConnectionModel.pickerId(7, "llama3.2:3b")), sink);
        sink.awaitCompletion();

        assertThat(String.join("", sink.deltas())).isEqualTo("Salom, men Llama.");
        RecordedRequest request = ollama.requests().get(0);
        assertThat(request.model()).isEqualTo("llama3.2:3b");
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + OLLAMA_KEY);
        assertThat(request.body().get("temperature").asDouble()).isEqualTo(0.25);
        assertThat(request.messages()).containsExactly(new RecordedRequest.Message("system", "Answer briefly."),
                new RecordedRequest.Message("user", "Salom"));
        assertThat(settingsUpstream.requests()).isEmpty();
        assertThat(ollama.violations()).isEmpty();
    }

    @Test
    void aConnectionWithoutAKeySendsNoAuthorizationHeader_notAPlaceholderKey() {
        FakeOpenAi keyless = FakeOpenAi.start().listModels("llama3.2:3b");
        try {
            rows.add(new Connection(8, "Local Ollama", ConnectionKind.OPENAI_COMPATIBLE, keyless.baseUrl(), null, null, true, 1,
                    List.of(new ConnectionModel("llama3.2:3b", null, null, null, false))));
            keyless.enqueue(Reply.answer("Salom."));

            RecordingSink sink = new RecordingSink();
            routing.stream(prompt(ConnectionModel.pickerId(8, "llama3.2:3b")), sink);
            sink.awaitCompletion();

            assertThat(String.join("", sink.deltas())).isEqualTo("Salom.");
            assertThat(keyless.requests()).singleElement().satisfies(r -> assertThat(r.header("Authorization")).isNull());
            assertThat(providers.listModels(new Endpoint(ConnectionKind.OPENAI_COMPATIBLE, keyless.baseUrl(), null))).containsExactly("llama3.2:3b");
            assertThat(keyless.modelListRequests()).singleElement().satisfies(r -> assertThat(r.header("Authorization")).isNull());
            assertThat(keyless.violations()).isEmpty();
        } finally {
            keyless.close();
        }
    }

    @Test
    void anyOtherModelGoesToOpenAiOfTheSettings_asBefore() {
        rows.add(ollama(true, 1, null, new ConnectionModel("llama3.2:3b", null, null, null, false)));
        settingsUpstream.enqueue(Reply.answer("Hello"));

        RecordingSink sink = new RecordingSink();
        routing.stream(prompt("gpt-4o-mini"), sink);
        sink.awaitCompletion();

        RecordedRequest request = settingsUpstream.requests().get(0);
        assertThat(request.model()).isEqualTo("gpt-4o-mini");
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + SETTINGS_KEY);
        assertThat(request.body().has("temperature")).isFalse();
        assertThat(ollama.requests()).isEmpty();
        assertThat(routing.configured()).isTrue();
    }

    @Test
    void aTurnedOffConnection_aModelNotChosen_andAKeyThatCannotBeOpenedFailClearly_withoutARequest() {
        rows.add(ollama(false, 1, ReversedBox.sealed(OLLAMA_KEY), new ConnectionModel("llama3.2:3b", null, null, null, false)));
        RecordingSink off = new RecordingSink();
        routing.stream(prompt(ConnectionModel.pickerId(7, "llama3.2:3b")), off);
        assertThat(off.awaitFailure().kind()).isEqualTo(FailureKind.BAD_REQUEST);

        RecordingSink notChosen = new RecordingSink();
        routing.stream(prompt(ConnectionModel.pickerId(7, "qwen2.5:7b")), notChosen);
        assertThat(notChosen.awaitFailure().kind()).isEqualTo(FailureKind.BAD_REQUEST);

        RoutingChatModel fresh = new RoutingChatModel(fromSettings, new Listed(), new ReversedBox(), providers);
        rows.clear();
        rows.add(ollama(true, 2, "garbage-from-another-secret", new ConnectionModel("llama3.2:3b", null, null, null, false)));
        RecordingSink unreadable = new RecordingSink();
        fresh.stream(prompt(ConnectionModel.pickerId(7, "llama3.2:3b")), unreadable);
        var failure = unreadable.awaitFailure();
        assertThat(failure.kind()).isEqualTo(FailureKind.AUTHENTICATION);
        assertThat(failure.detail()).contains("SECRET_KEY");
        assertThat(ollama.requests()).isEmpty();
    }

    @Test
    void aNewKeyOnAnotherNodeCountsWithinASecond() throws InterruptedException {
        rows.add(ollama(true, 1, ReversedBox.sealed("a-wrong-old-key-0000"), new ConnectionModel("llama3.2:3b", null, null, null, false)));
        RecordingSink refused = new RecordingSink();
        routing.stream(prompt(ConnectionModel.pickerId(7, "llama3.2:3b")), refused);
        assertThat(refused.awaitFailure().kind()).isEqualTo(FailureKind.AUTHENTICATION);

        rows.set(0, ollama(true, 2, ReversedBox.sealed(OLLAMA_KEY), new ConnectionModel("llama3.2:3b", null, null, null, false)));
        Thread.sleep(1100);
        ollama.enqueue(Reply.answer("Endi boʻladi."));
        RecordingSink answered = new RecordingSink();
        routing.stream(prompt(ConnectionModel.pickerId(7, "llama3.2:3b")), answered);
        answered.awaitCompletion();
        assertThat(ollama.requests()).last().satisfies(r -> assertThat(r.header("Authorization")).isEqualTo("Bearer " + OLLAMA_KEY));
    }

    @Test
    void theModelsOfAConnectionAreListedWithItsKey_andAWrongKeyIsTold() {
        assertThat(providers.listModels(new Endpoint(ConnectionKind.OPENAI_COMPATIBLE, ollama.baseUrl(), OLLAMA_KEY)))
                .containsExactly("llama3.2:3b", "qwen2.5:7b");
        assertThat(ollama.modelListRequests()).hasSize(1);
        assertThatThrownBy(() -> providers.listModels(new Endpoint(ConnectionKind.OPENAI_COMPATIBLE, ollama.baseUrl(), "wrong")))
                .isInstanceOf(ProviderClientsPort.ModelListException.class).hasMessageContaining("401").hasMessageNotContaining("wrong");
        assertThatThrownBy(() -> providers.listModels(new Endpoint(ConnectionKind.OPENAI_COMPATIBLE, "http://127.0.0.1:9", "")))
                .isInstanceOf(ProviderClientsPort.ModelListException.class).hasMessageContaining("cannot reach");
        assertThat(ollama.violations()).isEmpty();
    }

    @Test
    void anAnthropicConnectionsModelIsAnsweredThroughAnthropicsProtocol_withTheAdminsDefaults() {
        try (FakeAnthropic anthropic = FakeAnthropic.start()) {
            anthropic.requireKey("sk-ant-own-key-0001").models("claude-sonnet-4-5", "claude-haiku-4-5");
            rows.add(new Connection(9, "Claude", ConnectionKind.ANTHROPIC, anthropic.baseUrl(), ReversedBox.sealed("sk-ant-own-key-0001"), "…0001",
                    true, 1, List.of(new ConnectionModel("claude-haiku-4-5", "Claude Haiku", "Answer in Uzbek.", 1.5, true))));
            anthropic.enqueue(Reply.answer("Salom! Men Claude."));

            RecordingSink sink = new RecordingSink();
            routing.stream(prompt(ConnectionModel.pickerId(9, "claude-haiku-4-5")), sink);
            sink.awaitCompletion();

            assertThat(String.join("", sink.deltas())).isEqualTo("Salom! Men Claude.");
            RecordedRequest request = anthropic.requests().getFirst();
            assertThat(request.header("x-api-key")).isEqualTo("sk-ant-own-key-0001");
            assertThat(request.body().path("model").asString()).isEqualTo("claude-haiku-4-5");
            assertThat(request.body().path("system").toString()).contains("Answer in Uzbek.");
            assertThat(request.body().path("temperature").asDouble()).as("within Anthropic's 0 to 1").isEqualTo(1.0);
            assertThat(anthropic.violations()).isEmpty();
            assertThat(providers.listModels(new Endpoint(ConnectionKind.ANTHROPIC, anthropic.baseUrl(), "sk-ant-own-key-0001")))
                    .containsExactly("claude-sonnet-4-5", "claude-haiku-4-5");
            assertThatThrownBy(() -> providers.listModels(new Endpoint(ConnectionKind.ANTHROPIC, anthropic.baseUrl(), "sk-ant-wrong")))
                    .isInstanceOf(ProviderClientsPort.ModelListException.class).hasMessageContaining("AUTHENTICATION")
                    .hasMessageNotContaining("sk-ant-wrong");
        }
    }

    /** The rows as the database would give them. */
    private final class Listed implements ConnectionRepository {
        @Override
        public List<Connection> all() {
            return new ArrayList<>(rows);
        }

        @Override
        public Optional<Connection> find(long id) {
            return rows.stream().filter(c -> c.id() == id).findFirst();
        }

        @Override
        public long create(String name, ConnectionKind kind, String baseUrl, String sealedKey, String keyHint, Instant now) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean update(long id, String name, String baseUrl, Optional<KeyChange> key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean setEnabled(long id, boolean enabled) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean delete(long id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean replaceModels(long id, List<ConnectionModel> models) {
            throw new UnsupportedOperationException();
        }
    }

    /** Stands in for the AES-GCM box: "sealed" is the key reversed behind a prefix, anything else is unreadable. */
    private static final class ReversedBox implements SecretBoxPort {
        static String sealed(String key) {
            return "rev:" + new StringBuilder(key).reverse();
        }

        @Override
        public boolean available() {
            return true;
        }

        @Override
        public String seal(String secret) {
            return sealed(secret);
        }

        @Override
        public String open(String sealed) {
            if (!sealed.startsWith("rev:")) {
                throw new UnreadableSecretException("the stored key was saved under another SECRET_KEY");
            }
            return new StringBuilder(sealed.substring(4)).reverse().toString();
        }
    }
}
