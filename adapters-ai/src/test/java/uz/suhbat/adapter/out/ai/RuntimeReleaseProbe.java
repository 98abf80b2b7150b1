package uz.suhbat.adapter.out.ai;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.ref.PhantomReference;
import java.lang.ref.ReferenceQueue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import uz.suhbat.adapter.out.ai.isolated.RuntimeClassLoader;

/**
 * Run in a JVM of its own by {@link MiniLmEmbeddingsReleaseTest}, where no other embedder holds the runtime's class
 * loader: loads MiniLM, embeds, lets the runtime be released, collects, and prints ({@code probe key: value} lines)
 * whether the loader was collected, which of the runtime's native libraries stay mapped, how many classes the JVM
 * unloaded, and what a load after that gives; then the same with the old loader still reachable when the next text
 * comes.
 */
final class RuntimeReleaseProbe {

    static final String TEXT = "Samarqand qadimiy shahar.";

    public static void main(String[] args) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        try (MiniLmEmbeddings embeddings = new MiniLmEmbeddings(2, Duration.ofMillis(300))) {
            float[] before = embeddings.embed(TEXT);
            print("loaded libraries", nativeLibraries());
            // phantom: cleared only once nothing reaches the loader, not even an object waiting for its finalizer
            PhantomReference<ClassLoader> loader = new PhantomReference<>(embeddings.runtimeLoader(), new ReferenceQueue<>());
            awaitRelease(embeddings, deadline);
            // the releaser's own collections (no help from here)
            long released = System.nanoTime();
            while (!loader.refersTo(null) && System.nanoTime() - released < 10_000_000_000L) {
                Thread.sleep(50);
            }
            print("collected by the release", loader.refersTo(null));
            while (!loader.refersTo(null) && System.nanoTime() < deadline) {
                System.gc();
                Thread.sleep(100);
            }
            print("collected", loader.refersTo(null));
            // the JDK's cleaner unloads a collected loader's native libraries soon after the collection
            while (!nativeLibraries().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            print("released libraries", nativeLibraries());
            print("classes unloaded", ManagementFactory.getClassLoadingMXBean().getUnloadedClassCount());
            float[] after = embeddings.embed(TEXT);
            print("again identical", Arrays.equals(before, after));
            print("again loaders made", RuntimeClassLoader.created());

            // the old loader still reachable when the next text comes (no collection yet): it is used again
            ClassLoader kept = embeddings.runtimeLoader();
            awaitRelease(embeddings, deadline);
            float[] third = embeddings.embed(TEXT);
            print("kept loader used again", embeddings.runtimeLoader() == kept);
            print("kept identical", Arrays.equals(before, third));
            print("kept loaders made", RuntimeClassLoader.created());
        }
    }

    private static void awaitRelease(MiniLmEmbeddings embeddings, long deadline) throws InterruptedException {
        while (embeddings.loaded() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    private static void print(String key, Object value) {
        System.out.println("probe " + key + ": " + value);
    }

    /** The runtime's native libraries mapped into this process now. */
    static List<String> nativeLibraries() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/maps")).stream()
                .filter(line -> line.contains("libonnxruntime") || line.contains("libtokenizers"))
                .map(line -> line.substring(line.lastIndexOf('/') + 1)).distinct().sorted().toList();
    }
}
