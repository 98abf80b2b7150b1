package uz.suhbat.application.service.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uz.suhbat.application.fake.FixedContextWindows;
import uz.suhbat.application.fake.InMemoryConnections;
import uz.suhbat.application.port.in.chat.AnswerUseCase.Refusal;
import uz.suhbat.application.port.in.chat.ChatQuery.ModelOption;
import uz.suhbat.application.service.provider.ConnectionOffers;
import uz.suhbat.domain.provider.ConnectionKind;
import uz.suhbat.domain.provider.ConnectionModel;

/** The model catalog with the admin's connections: what the picker offers, what a message may use, and why not. */
class ConnectionModelsInCatalogTest {

    private final InMemoryConnections connections = new InMemoryConnections();
    private final ConnectionOffers offers = new ConnectionOffers(connections);
    private final ModelCatalog catalog = new ModelCatalog(List.of("gpt-4o-mini"), null, new FixedContextWindows(8_000), offers,
            Set.of("gpt-4o-mini")::contains);

    @Test
    void theChosenModelsOfEnabledConnectionsFollowOpenAiOfTheSettings_underTheirDisplayNames() {
        long ollama = connections.create("Ollama", ConnectionKind.OPENAI_COMPATIBLE, "http://o/v1", null, null, Instant.EPOCH);
        connections.replaceModels(ollama, List.of(new ConnectionModel("llama3.2:3b", "Llama", null, null, false),
                new ConnectionModel("llava:7b", null, null, null, true)));

        assertThat(catalog.options()).containsExactly(new ModelOption("gpt-4o-mini", "gpt-4o-mini", "openai", ""),
                new ModelOption("conn-" + ollama + "/llama3.2:3b", "Llama", "connection", "Ollama"),
                new ModelOption("conn-" + ollama + "/llava:7b", "llava:7b", "connection", "Ollama"));
        assertThat(catalog.choose("conn-" + ollama + "/llama3.2:3b")).hasValueSatisfying(choice -> {
            assertThat(choice.answeringModel()).isEqualTo("conn-" + ollama + "/llama3.2:3b");
            assertThat(choice.vision()).isFalse();
        });
        assertThat(catalog.vision("conn-" + ollama + "/llava:7b")).isTrue();
        assertThat(catalog.vision("gpt-4o-mini")).as("OPENAI_VISION_MODELS feeds the same check").isTrue();
        assertThat(catalog.choose("conn-" + ollama + "/qwen2.5:7b")).as("listed but not chosen").isEmpty();
        assertThat(catalog.choose("conn-999/llama3.2:3b")).isEmpty();
    }

    @Test
    void aTurnedOffConnectionsModelsLeaveThePicker_andAMessageToThemIsRefusedSayingSo() {
        long ollama = connections.create("Ollama", ConnectionKind.OPENAI_COMPATIBLE, "http://o/v1", null, null, Instant.EPOCH);
        connections.replaceModels(ollama, List.of(new ConnectionModel("llama3.2:3b", "Llama", null, null, false)));
        connections.setEnabled(ollama, false);
        offers.forget();
        String id = "conn-" + ollama + "/llama3.2:3b";

        assertThat(catalog.options()).extracting(ModelOption::id).containsExactly("gpt-4o-mini");
        assertThat(catalog.choose(id)).isEmpty();
        assertThat(Refusals.model(catalog.choose(id), catalog, id)).contains(Refusal.MODEL_TURNED_OFF);
        assertThat(Refusals.model(catalog.choose("nope"), catalog, "nope")).contains(Refusal.UNKNOWN_MODEL);
        assertThat(Refusals.model(catalog.choose("gpt-4o-mini"), catalog, "gpt-4o-mini")).isEmpty();
    }

    @Test
    void aNodeReadsTheConnectionsAtMostOnceASecond_andAtOnceAfterAChangeOfItsOwn() {
        catalog.options();
        catalog.options();
        catalog.choose("conn-1/x");
        assertThat(connections.reads).isEqualTo(1);
        offers.forget();
        catalog.options();
        assertThat(connections.reads).isEqualTo(2);
    }
}
