package uz.suhbat.adapter.out.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Pattern;
import uz.suhbat.application.port.out.knowledge.DocumentFilesPort;

/** Uploaded documents under FILES_DIR, named by a random UUID so that no uploaded name ever becomes a path. */
final class FileDocumentStore implements DocumentFilesPort {

    private static final Pattern OUR_NAMES = Pattern.compile("[0-9a-f-]{36}\\.pdf");

    private final Path dir;

    FileDocumentStore(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    @Override
    public String store(InputStream upload, long maxBytes) {
        String name = UUID.randomUUID() + ".pdf";
        Path target = dir.resolve(name);
        try {
            Files.createDirectories(dir);
            long written = 0;
            byte[] buffer = new byte[64 * 1024];
            try (OutputStream out = Files.newOutputStream(target)) {
                int n;
                while ((n = upload.read(buffer)) > 0) {
                    written += n;
                    if (written > maxBytes) {
                        throw new TooLargeException(maxBytes);
                    }
                    out.write(buffer, 0, n);
                }
            }
            return name;
        } catch (IOException | TooLargeException e) {
            deleteQuietly(target);
            if (e instanceof TooLargeException tooLarge) {
                throw tooLarge;
            }
            throw new UncheckedIOException("could not store the upload in " + dir, (IOException) e);
        }
    }

    @Override
    public Path path(String name) {
        if (!OUR_NAMES.matcher(name).matches()) {
            throw new IllegalArgumentException("not a stored document name");
        }
        return dir.resolve(name);
    }

    @Override
    public void delete(String name) {
        deleteQuietly(path(name));
    }

    @Override
    public boolean present(String name) {
        return Files.isRegularFile(path(name));
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover file is harmless; it is not referenced any more
        }
    }
}
