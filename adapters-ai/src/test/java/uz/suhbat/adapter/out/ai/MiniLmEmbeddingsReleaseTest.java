package uz.suhbat.adapter.out.ai;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * A released embedding runtime gives back its classes and native libraries: its class loader is collected, ONNX
 * Runtime's and the tokenizer's libraries are unmapped, and the next text loads it again with identical vectors. Run in
 * a JVM of its own ({@link RuntimeReleaseProbe}): in this one other tests' embedders may hold the runtime's loader.
 */
class MiniLmEmbeddingsReleaseTest {

    @Test
    @EnabledOnOs(OS.LINUX) // reads /proc/self/maps
    void aReleasedRuntimesClassLoaderIsCollectedWithItsNativeLibrariesAndTheNextTextGetsTheSameVector() throws Exception {
        // when
        Map<String, String> probe = runProbe();

        // then the loader was collected, its classes unloaded (ONNX Runtime's, DJL's, langchain4j's ONNX ones: about 55) and its native libraries unmapped
        assertThat(probe.get("loaded libraries")).contains("libonnxruntime.so", "libonnxruntime4j_jni.so", "libtokenizers.so");
        assertThat(probe.get("collected by the release")).as("the releaser's own collections collect the loader").isEqualTo("true");
        assertThat(probe.get("collected")).isEqualTo("true");
        assertThat(Integer.parseInt(probe.get("classes unloaded"))).isGreaterThanOrEqualTo(40);
        assertThat(probe.get("released libraries")).isEqualTo("[]");
        // and a new loader gives the same vector
        assertThat(probe.get("again identical")).isEqualTo("true");
        assertThat(probe.get("again loaders made")).isEqualTo("2");
        // and a text that comes before the old loader was collected uses that loader again (its libraries are still loaded)
        assertThat(probe.get("kept loader used again")).isEqualTo("true");
        assertThat(probe.get("kept identical")).isEqualTo("true");
        assertThat(probe.get("kept loaders made")).isEqualTo("2");
    }

    private static Map<String, String> runProbe() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        // the collector ./run.sh starts the app with: it unloads classes only in a full collection, so what the release's
        // own collections leave stays (G1, the default here, also unloads them in its concurrent cycles)
        Process process = new ProcessBuilder(java.toString(), "-Xmx256m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                RuntimeReleaseProbe.class.getName()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : output.lines().toList()) {
            if (line.startsWith("probe ")) {
                int colon = line.indexOf(": ");
                values.put(line.substring(6, colon), line.substring(colon + 2));
            }
        }
        assertThat(values).as(output).containsKeys("collected", "kept loaders made");
        System.out.println(List.copyOf(values.entrySet()));
        return values;
    }
}
