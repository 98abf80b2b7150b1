package uz.suhbat.adapter.out.ai.isolated;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * ONNX Runtime's native libraries, copied out of its jar once per process to a temporary folder of this process's own
 * (deleted when it ends) and named to ONNX Runtime by its {@code onnxruntime.native.path} property: left to itself it
 * would inflate them (17 MB) into a new temporary folder at every load of {@link RuntimeClassLoader}. The JDK unloads a
 * library when its loader is collected, so the next loader can load the same files again. On a platform whose
 * libraries the jar does not hold, or when the operator set the property, nothing is done here.
 */
final class OnnxRuntimeLibraries {

    private static final Logger log = Logger.getLogger(OnnxRuntimeLibraries.class.getName());
    private static final String PROPERTY = "onnxruntime.native.path";
    private static boolean done;

    private OnnxRuntimeLibraries() {
    }

    static synchronized void extractOnce() {
        if (done) {
            return;
        }
        done = true;
        if (System.getProperty(PROPERTY) != null) {
            return;
        }
        String folder = "ai/onnxruntime/native/" + platform() + "/";
        List<String> libraries = List.of(System.mapLibraryName("onnxruntime"), System.mapLibraryName("onnxruntime4j_jni"));
        ClassLoader application = OnnxRuntimeLibraries.class.getClassLoader();
        if (libraries.stream().anyMatch(library -> application.getResource(folder + library) == null)) {
            return;
        }
        try {
            Path directory = Files.createTempDirectory("suhbat-onnxruntime-");
            directory.toFile().deleteOnExit();
            for (String library : libraries) {
                Path file = directory.resolve(library);
                try (InputStream in = application.getResourceAsStream(folder + library)) {
                    Files.copy(in, file);
                }
                file.toFile().deleteOnExit();
            }
            System.setProperty(PROPERTY, directory.toString());
        } catch (IOException | RuntimeException e) {
            log.log(Level.WARNING, "ONNX Runtime's libraries could not be copied out once; it copies them at each load", e);
        }
    }

    /** ONNX Runtime's name of this platform's folder in its jar (linux-x64, osx-aarch64, win-x64, ...). */
    private static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String osName = os.contains("mac") || os.contains("darwin") ? "osx" : os.startsWith("win") ? "win" : "linux";
        String archName = arch.equals("amd64") || arch.equals("x86_64") ? "x64" : arch.equals("arm64") ? "aarch64" : arch;
        return osName + "-" + archName;
    }
}
