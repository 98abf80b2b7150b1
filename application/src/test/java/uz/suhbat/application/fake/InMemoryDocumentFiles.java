package uz.suhbat.application.fake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import uz.suhbat.application.port.out.knowledge.DocumentFilesPort;

/** Keeps uploads in memory; paths are names only, for a fake document reader that ignores them. */
public final class InMemoryDocumentFiles implements DocumentFilesPort {

    private final Map<String, byte[]> stored = new ConcurrentHashMap<>();
    private final AtomicInteger names = new AtomicInteger();

    @Override
    public String store(InputStream upload, long maxBytes) {
        try {
            byte[] bytes = upload.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw new TooLargeException(maxBytes);
            }
            String name = "doc-" + names.incrementAndGet() + ".pdf";
            stored.put(name, bytes);
            return name;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Path path(String name) {
        return Path.of("/in-memory", name);
    }

    @Override
    public void delete(String name) {
        stored.remove(name);
    }

    @Override
    public boolean present(String name) {
        return stored.containsKey(name);
    }

    /** As if the file was lost on this node (a FILES_DIR not shared), the model staying. */
    public void lose(String name) {
        stored.remove(name);
    }

    public java.util.Optional<byte[]> bytes(String name) {
        return java.util.Optional.ofNullable(stored.get(name));
    }

    public boolean has(String name) {
        return stored.containsKey(name);
    }

    public int count() {
        return stored.size();
    }
}
