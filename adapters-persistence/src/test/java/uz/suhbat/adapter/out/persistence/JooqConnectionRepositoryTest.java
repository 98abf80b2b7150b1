package uz.suhbat.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uz.suhbat.application.port.out.provider.ConnectionRepository.KeyChange;
import uz.suhbat.domain.provider.Connection;
import uz.suhbat.domain.provider.ConnectionKind;
import uz.suhbat.domain.provider.ConnectionModel;

class JooqConnectionRepositoryTest {

    private static final Instant NOW = Instant.parse("2026-11-30T01:00:00Z");

    private DSLContext db;
    private JooqConnectionRepository connections;

    @BeforeEach
    void emptyDatabase() {
        db = TestDatabase.emptied();
        connections = new JooqConnectionRepository(db);
    }

    @Test
    void aConnectionIsKeptWithItsSealedKeyAsGiven_andItsChosenModelsInTheirOrder() {
        long id = connections.create("Ollama", ConnectionKind.OPENAI_COMPATIBLE, "http://ollama:11434/v1", "v1.sealed.text", "…abcd", NOW);
        long other = connections.create("Claude", ConnectionKind.ANTHROPIC, "https://api.anthropic.com/v1", null, null, NOW);

        assertThat(connections.replaceModels(id, List.of(
                new ConnectionModel("qwen2.5:7b", null, null, null, false),
                new ConnectionModel("llama3.2:3b", "Llama", "Be brief.", 0.35, true)))).isTrue();

        Connection read = connections.find(id).orElseThrow();
        assertThat(read.name()).isEqualTo("Ollama");
        assertThat(read.kind()).isEqualTo(ConnectionKind.OPENAI_COMPATIBLE);
        assertThat(read.baseUrl()).isEqualTo("http://ollama:11434/v1");
        assertThat(read.sealedKey()).isEqualTo("v1.sealed.text");
        assertThat(read.keyHint()).isEqualTo("…abcd");
        assertThat(read.enabled()).isTrue();
        assertThat(read.models()).containsExactly(
                new ConnectionModel("qwen2.5:7b", null, null, null, false),
                new ConnectionModel("llama3.2:3b", "Llama", "Be brief.", 0.35, true));
        assertThat(connections.find(other).orElseThrow().hasKey()).isFalse();
        assertThat(connections.all()).extracting(Connection::id).containsExactly(id, other);
    }

    @Test
    void everyChangeRaisesTheVersion_soEveryNodeRebuildsItsClient() {
        long id = connections.create("vLLM", ConnectionKind.OPENAI_COMPATIBLE, "http://vllm:8000/v1", null, null, NOW);
        int first = connections.find(id).orElseThrow().version();

        assertThat(connections.update(id, "vLLM big", "http://vllm:8001/v1", Optional.empty())).isTrue();
        Connection renamed = connections.find(id).orElseThrow();
        assertThat(renamed.version()).isGreaterThan(first);
        assertThat(renamed.baseUrl()).isEqualTo("http://vllm:8001/v1");
        assertThat(renamed.hasKey()).isFalse();

        connections.update(id, "vLLM big", "http://vllm:8001/v1", Optional.of(new KeyChange("v1.new.key", "…wxyz")));
        Connection keyed = connections.find(id).orElseThrow();
        assertThat(keyed.version()).isGreaterThan(renamed.version());
        assertThat(keyed.sealedKey()).isEqualTo("v1.new.key");

        connections.update(id, "vLLM big", "http://vllm:8001/v1", Optional.empty());
        assertThat(connections.find(id).orElseThrow().sealedKey()).as("no key change keeps the key").isEqualTo("v1.new.key");
        connections.update(id, "vLLM big", "http://vllm:8001/v1", Optional.of(new KeyChange(null, null)));
        assertThat(connections.find(id).orElseThrow().hasKey()).isFalse();

        int beforeOff = connections.find(id).orElseThrow().version();
        assertThat(connections.setEnabled(id, false)).isTrue();
        assertThat(connections.find(id).orElseThrow().enabled()).isFalse();
        assertThat(connections.find(id).orElseThrow().version()).isGreaterThan(beforeOff);
    }

    @Test
    void deletingAConnectionDeletesItsModels_andUnknownIdsChangeNothing() {
        long id = connections.create("LM Studio", ConnectionKind.OPENAI_COMPATIBLE, "http://localhost:1234/v1", null, null, NOW);
        connections.replaceModels(id, List.of(new ConnectionModel("phi-4", null, null, null, false)));

        assertThat(connections.delete(id)).isTrue();
        assertThat(connections.find(id)).isEmpty();
        assertThat(db.fetchCount(db.selectFrom("provider_model"))).isZero();
        assertThat(connections.delete(id)).isFalse();
        assertThat(connections.setEnabled(id, true)).isFalse();
        assertThat(connections.update(id, "x", "http://x", Optional.empty())).isFalse();
        assertThat(connections.replaceModels(id, List.of(new ConnectionModel("phi-4", null, null, null, false)))).isFalse();
        assertThat(db.fetchCount(db.selectFrom("provider_model"))).isZero();
    }
}
