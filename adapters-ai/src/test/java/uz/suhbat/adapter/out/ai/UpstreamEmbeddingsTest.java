package uz.suhbat.adapter.out.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uz.suhbat.adapter.out.ai.fake.FakeOpenAi;
import uz.suhbat.adapter.out.ai.fake.RecordedRequest;
import uz.suhbat.application.port.out.knowledge.EmbeddingModelsPort;
import uz.suhbat.domain.knowledge.EmbeddingKind;
import uz.suhbat.domain.knowledge.Language;

/** The upstream's /v1/embeddings through langchain4j, against the fake upstream that checks OpenAI's schemas. */
class UpstreamEmbeddingsTest {

    private static final FakeOpenAi upstream = FakeOpenAi.start();

    @AfterAll
    static void stop() {
        upstream.close();
    }

    @BeforeEach
    void clean() {
        upstream.reset();
    }

    private static UpstreamEmbeddings embeddings(int dimensions) {
        return new UpstreamEmbeddings(OpenAiSettings.of(upstream.baseUrl(), "sk-test"),
                new EmbeddingSettings("text-embedding-3-small", dimensions, "", "", "mean"));
    }

    @Test
    void asksTheUpstreamForOneUnitVectorPerTextInOrder() {
        // given
        UpstreamEmbeddings embeddings = embeddings(0);
        List<String> texts = List.of("Kutubxona shanba kunlari yopiq.", "Dars soat sakkizda boshlanadi.", "Kutubxona yakshanba kuni ham yopiq.");

        // when
        List<float[]> vectors = embeddings.embedAll(texts);

        // then the request followed OpenAI's spec and carried the model, the key and the texts
        assertThat(upstream.violations()).isEmpty();
        RecordedRequest request = upstream.embeddingRequests().getLast();
        assertThat(request.model()).isEqualTo("text-embedding-3-small");
        assertThat(request.header("Authorization")).isEqualTo("Bearer sk-test");
        assertThat(request.body().path("input").get(1).asString()).isEqualTo("Dars soat sakkizda boshlanadi.");
        // and the answer came back in order, as unit vectors that keep the texts' likeness
        assertThat(vectors).hasSize(3).allSatisfy(v -> assertThat(norm(v)).isCloseTo(1.0, within(1e-4)));
        assertThat(dot(vectors.get(0), vectors.get(2))).isGreaterThan(dot(vectors.get(0), vectors.get(1)) + 0.2);
        assertThat(embeddings.modelId()).isEqualTo("upstream:text-embedding-3-small");
        assertThat(embeddings.dimensions()).isEqualTo(256);
    }

    @Test
    void asksForShorterVectorsWhenConfigured() {
        UpstreamEmbeddings embeddings = embeddings(64);

        assertThat(embeddings.embed("Salom dunyo")).hasSize(64);
        assertThat(upstream.embeddingRequests().getLast().body().path("dimensions").asInt()).isEqualTo(64);
        assertThat(upstream.violations()).isEmpty();
    }

    @Test
    void isCalibratedByAskingTheModelAboutUnrelatedTexts() {
        // when the tuning is first asked for
        var tuning = embeddings(0).tuning();

        // then every language has a floor measured from the model (the fake's unrelated texts share few words: a low one)
        for (Language language : Language.values()) {
            assertThat(tuning.similarityFloor(language)).as(language.name()).isBetween(0.0, 0.2);
        }
        assertThat(upstream.embeddingRequests()).isNotEmpty();
        assertThat(upstream.violations()).isEmpty();
    }

    @Test
    void isOfferedOnlyWhenAModelIsNamed() {
        EmbeddingModelsPort none = new ConfiguredEmbeddingModels(new MiniLmEmbeddings(1), OpenAiSettings.of(upstream.baseUrl(), "k"),
                EmbeddingSettings.NONE);
        EmbeddingModelsPort upstreamToo = new ConfiguredEmbeddingModels(new MiniLmEmbeddings(1), OpenAiSettings.of(upstream.baseUrl(), "k"),
                new EmbeddingSettings("text-embedding-3-small", 0, "", "", "mean"));

        assertThat(none.available()).containsExactly(EmbeddingKind.MINILM);
        assertThatThrownBy(() -> none.of(EmbeddingKind.UPSTREAM)).isInstanceOf(EmbeddingModelsPort.NotConfiguredException.class);
        assertThat(upstreamToo.available()).containsExactly(EmbeddingKind.MINILM, EmbeddingKind.UPSTREAM);
        assertThat(upstreamToo.of(EmbeddingKind.UPSTREAM).modelId()).isEqualTo("upstream:text-embedding-3-small");
    }

    static double norm(float[] vector) {
        return Math.sqrt(dot(vector, vector));
    }

    static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
