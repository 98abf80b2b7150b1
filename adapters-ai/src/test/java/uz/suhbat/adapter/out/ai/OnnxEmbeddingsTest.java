package uz.suhbat.adapter.out.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uz.suhbat.domain.knowledge.Language;

/**
 * A local ONNX model file and its tokenizer, loaded by path through langchain4j's ONNX support. The
 * file used is a real one: all-MiniLM-L6-v2 as it ships in langchain4j's jar, copied out to a folder
 * as an admin would place a downloaded model — so the vectors must match the in-process MiniLM's.
 */
class OnnxEmbeddingsTest {

    @TempDir
    static Path dir;
    private static OnnxEmbeddings onnx;
    private static final MiniLmEmbeddings miniLm = new MiniLmEmbeddings();

    @BeforeAll
    static void placeTheModelFile() throws IOException {
        Path model = copy("/all-minilm-l6-v2.onnx", dir.resolve("all-minilm-l6-v2.onnx"));
        Path tokenizer = copy("/all-minilm-l6-v2-tokenizer.json", dir.resolve("tokenizer.json"));
        onnx = new OnnxEmbeddings(new EmbeddingSettings("", 0, model.toString(), tokenizer.toString(), "mean"));
    }

    @AfterAll
    static void close() {
        onnx.close();
        miniLm.close();
    }

    @Test
    void embedsLikeTheSameModelRunInProcess() {
        List<String> texts = List.of("The cat sleeps on the sofa.", "Kutubxona shanba kunlari yopiq.");

        List<float[]> fromFile = onnx.embedAll(texts);
        List<float[]> builtIn = miniLm.embedAll(texts);

        assertThat(onnx.modelId()).isEqualTo("onnx:all-minilm-l6-v2");
        assertThat(onnx.dimensions()).isEqualTo(384);
        for (int i = 0; i < texts.size(); i++) {
            assertThat(UpstreamEmbeddingsTest.dot(fromFile.get(i), builtIn.get(i))).isGreaterThan(0.999);
        }
    }

    @Test
    void itsCalibrationComesWithin015OfTheFloorsMeasuredOnTheEvaluationSet() {
        // the probe of unrelated texts, run against MiniLM from a file, against MiniLM's floors measured on 88 questions
        var probed = onnx.tuning();
        System.out.println("probed floors " + probed.similarityFloors());
        for (Language language : Language.values()) {
            assertThat(probed.similarityFloor(language)).as(language.name())
                    .isCloseTo(MiniLmEmbeddings.TUNING.similarityFloor(language), org.assertj.core.data.Offset.offset(0.15));
        }
    }

    @Test
    void refusesAMissingFileAtStartUp() {
        assertThatThrownBy(() -> new OnnxEmbeddings(new EmbeddingSettings("", 0, dir.resolve("none.onnx").toString(),
                dir.resolve("tokenizer.json").toString(), "mean")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("none.onnx");
        assertThatThrownBy(() -> new EmbeddingSettings("", 0, "model.onnx", "", "mean")).isInstanceOf(IllegalArgumentException.class);
    }

    private static Path copy(String resource, Path target) throws IOException {
        try (InputStream in = OnnxEmbeddingsTest.class.getResourceAsStream(resource)) {
            Files.copy(in, target);
        }
        return target;
    }
}
