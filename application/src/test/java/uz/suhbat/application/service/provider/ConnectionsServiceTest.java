package uz.suhbat.application.service.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import uz.suhbat.application.fake.InMemoryAdminRepository;
import uz.suhbat.application.fake.InMemoryAuditLogRepository;
import uz.suhbat.application.fake.InMemoryConnections;
import uz.suhbat.application.port.in.provider.ManageConnectionsUseCase.ConnectionView;
import uz.suhbat.application.port.in.provider.ManageConnectionsUseCase.ModelListing;
import uz.suhbat.application.port.in.provider.ManageConnectionsUseCase.ModelSettings;
import uz.suhbat.application.port.out.provider.ProviderClientsPort;
import uz.suhbat.application.port.out.security.SecretBoxPort;
import uz.suhbat.application.service.admin.AuditTrail;
import uz.suhbat.domain.audit.AuditEntry;
import uz.suhbat.domain.provider.ConnectionKind;
import uz.suhbat.domain.shared.InvalidValueException;
import uz.suhbat.domain.shared.Problem;

class ConnectionsServiceTest {

    private static final String KEY = "sk-ollama-secret-abcdef";

    private final InMemoryConnections repository = new InMemoryConnections();
    private final ConnectionOffers offers = new ConnectionOffers(repository);
    private final TaggingBox box = new TaggingBox();
    private final List<ProviderClientsPort.Endpoint> listed = new ArrayList<>();
    private final InMemoryAuditLogRepository audit = new InMemoryAuditLogRepository();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-30T01:00:00Z"), ZoneOffset.UTC);
    private final ConnectionsService service = new ConnectionsService(repository, offers, box, new Listing(), 
            new AuditTrail(audit, new InMemoryAdminRepository(), clock), clock,
            new ConnectionsService.FromSettings("https://api.openai.com/v1", "sk-settings-0123456789", List.of("gpt-4o-mini")));

    @Test
    void aKeyIsSealedBeforeItIsStored_andOnlyItsLastCharactersAreShownOrAudited() {
        long id = service.add(1, " Ollama ", ConnectionKind.OPENAI_COMPATIBLE, "http://ollama:11434/v1/", " " + KEY + " ");

        assertThat(repository.find(id).orElseThrow().sealedKey()).isEqualTo("sealed:" + new StringBuilder(KEY).reverse());
        ConnectionView view = service.connection(id).orElseThrow();
        assertThat(view.name()).isEqualTo("Ollama");
        assertThat(view.baseUrl()).isEqualTo("http://ollama:11434/v1");
        assertThat(view.keyHint()).isEqualTo("…cdef");
        assertThat(view.toString()).doesNotContain(KEY);
        assertThat(audit.all()).extracting(AuditEntry::detail).noneMatch(detail -> detail.contains(KEY));

        List<ConnectionView> all = service.connections();
        assertThat(all.get(0).fromSettings()).isTrue();
        assertThat(all.get(0).keyHint()).isEqualTo("…6789");
        assertThat(all.get(1).id()).isEqualTo(id);
    }

    @Test
    void theModelsAreListedWithTheOpenedKey_andTheChosenOnesReachThePickerAtOnce() {
        long id = service.add(1, "Ollama", ConnectionKind.OPENAI_COMPATIBLE, "http://ollama:11434/v1", KEY);
        assertThat(offers.offered()).isEmpty();

        ModelListing listing = service.models(id);
        assertThat(listing.available()).containsExactly("llama3.2:3b", "qwen2.5:7b");
        assertThat(listed).containsExactly(new ProviderClientsPort.Endpoint(ConnectionKind.OPENAI_COMPATIBLE, "http://ollama:11434/v1", KEY));

        service.chooseModels(1, id, List.of(new ModelSettings("llama3.2:3b", "Llama", "Be brief.", 0.3, true),
                new ModelSettings("llama3.2:3b", "twice", null, null, false)));
        assertThat(offers.offered()).singleElement().satisfies(offer -> {
            assertThat(offer.pickerId()).isEqualTo("conn-" + id + "/llama3.2:3b");
            assertThat(offer.model().shownName()).isEqualTo("Llama");
            assertThat(offer.model().vision()).isTrue();
        });

        service.setEnabled(1, id, false);
        assertThat(offers.offered()).isEmpty();
        assertThat(offers.turnedOff("conn-" + id + "/llama3.2:3b")).isTrue();
        assertThat(offers.find("conn-" + id + "/llama3.2:3b")).isEmpty();
    }

    @Test
    void badValuesAreRefusedByField_andAKeyWithoutSecretKeyIsRefusedNotStoredInClear() {
        assertThatThrownBy(() -> service.add(1, "", ConnectionKind.GEMINI, "https://x.example/v1", ""))
                .isInstanceOf(InvalidValueException.class).extracting("problem").isEqualTo(Problem.CONNECTION_NAME);
        assertThatThrownBy(() -> service.add(1, "X", ConnectionKind.GEMINI, "ftp://x.example", ""))
                .isInstanceOf(InvalidValueException.class).extracting("problem").isEqualTo(Problem.CONNECTION_URL);
        assertThatThrownBy(() -> service.add(1, "X", ConnectionKind.GEMINI, "https://user:pw@x.example/v1", ""))
                .isInstanceOf(InvalidValueException.class).extracting("problem").isEqualTo(Problem.CONNECTION_URL);
        long id = service.add(1, "Local", ConnectionKind.OPENAI_COMPATIBLE, "http://localhost:11434/v1", "");
        assertThatThrownBy(() -> service.chooseModels(1, id, List.of(new ModelSettings("m", null, null, 2.5, false))))
                .isInstanceOf(InvalidValueException.class).extracting("problem").isEqualTo(Problem.CONNECTION_TEMPERATURE);

        box.available = false;
        assertThatThrownBy(() -> service.add(1, "Keyed", ConnectionKind.ANTHROPIC, "https://api.anthropic.com/v1", KEY))
                .isInstanceOf(InvalidValueException.class).extracting("problem").isEqualTo(Problem.CONNECTION_NO_SECRET_KEY);
        assertThat(repository.all()).extracting(c -> c.name()).containsExactly("Local");
    }

    @Test
    void aKeyThatCannotBeOpenedIsShownAsSuch_andListingSaysWhy() {
        long id = service.add(1, "Ollama", ConnectionKind.OPENAI_COMPATIBLE, "http://ollama:11434/v1", KEY);
        box.otherSecretKey = true;

        assertThat(service.connection(id).orElseThrow().keyUnreadable()).isTrue();
        ModelListing listing = service.models(id);
        assertThat(listing.available()).isEmpty();
        assertThat(listing.failure()).hasValueSatisfying(reason -> assertThat(reason).contains("another SECRET_KEY"));
        assertThat(listed).isEmpty();

        service.edit(1, id, "Ollama", "http://ollama:11434/v1", "", true);
        assertThat(service.connection(id).orElseThrow().hasKey()).isFalse();
        assertThat(service.delete(1, id)).isTrue();
        assertThat(service.delete(1, id)).isFalse();
    }

    /** Seals by reversing behind a tag; can pretend SECRET_KEY is missing or another one. */
    private static final class TaggingBox implements SecretBoxPort {
        boolean available = true;
        boolean otherSecretKey;

        @Override
        public boolean available() {
            return available;
        }

        @Override
        public String seal(String secret) {
            return "sealed:" + new StringBuilder(secret).reverse();
        }

        @Override
        public String open(String sealed) {
            if (otherSecretKey) {
                throw new UnreadableSecretException("the stored key was saved under another SECRET_KEY");
            }
            return new StringBuilder(sealed.substring("sealed:".length())).reverse().toString();
        }
    }

    private final class Listing implements ProviderClientsPort {
        @Override
        public Client open(Endpoint endpoint) {
            throw new UnsupportedOperationException("no answers in these tests");
        }

        @Override
        public List<String> listModels(Endpoint endpoint) {
            listed.add(endpoint);
            return List.of("qwen2.5:7b", "llama3.2:3b");
        }
    }
}
