package uz.suhbat.domain.attachment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * What a file attached to a message is, told by its content and never by its name: a PDF ({@code %PDF-}), a Word
 * document (a ZIP holding {@code word/document.xml}), plain text or Markdown (valid UTF-8 without control characters),
 * or a PNG, JPEG or WebP picture (their signatures). A picture renamed {@code .txt} is a picture; a text renamed
 * {@code .png} is refused as a picture.
 */
public enum AttachmentKind {
    PDF("application/pdf", false),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", false),
    TEXT("text/plain", false),
    PNG("image/png", true),
    JPEG("image/jpeg", true),
    WEBP("image/webp", true);

    private final String mediaType;
    private final boolean image;

    AttachmentKind(String mediaType, boolean image) {
        this.mediaType = mediaType;
        this.image = image;
    }

    public String mediaType() {
        return mediaType;
    }

    public boolean image() {
        return image;
    }

    /** The kind of {@code content}, or empty when it is none that Suhbat reads. */
    public static Optional<AttachmentKind> of(byte[] content) {
        if (content == null || content.length == 0) {
            return Optional.empty();
        }
        if (startsWith(content, 0, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of(PDF);
        }
        if (startsWith(content, 0, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'})) {
            return Optional.of(PNG);
        }
        if (startsWith(content, 0, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
            return Optional.of(JPEG);
        }
        if (startsWith(content, 0, "RIFF".getBytes(StandardCharsets.US_ASCII)) && startsWith(content, 8, "WEBP".getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of(WEBP);
        }
        if (startsWith(content, 0, new byte[] {'P', 'K', 3, 4})) {
            return isWordDocument(content) ? Optional.of(DOCX) : Optional.empty();
        }
        return isText(content) ? Optional.of(TEXT) : Optional.empty();
    }

    /** The kind a name claims ("report.pdf" → PDF), to tell a person whose file is not what its name says. */
    public static Optional<AttachmentKind> claimedBy(String fileName) {
        String name = fileName == null ? "" : fileName.toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".pdf")) {
            return Optional.of(PDF);
        }
        if (name.endsWith(".docx")) {
            return Optional.of(DOCX);
        }
        if (name.endsWith(".txt") || name.endsWith(".md") || name.endsWith(".markdown")) {
            return Optional.of(TEXT);
        }
        if (name.endsWith(".png")) {
            return Optional.of(PNG);
        }
        if (name.endsWith(".jpg") || name.endsWith(".jpeg")) {
            return Optional.of(JPEG);
        }
        if (name.endsWith(".webp")) {
            return Optional.of(WEBP);
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] content, int offset, byte[] signature) {
        if (content.length < offset + signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if (content[offset + i] != signature[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isWordDocument(byte[] content) {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals("word/document.xml")) {
                    return true;
                }
            }
            return false;
        } catch (IOException | IllegalArgumentException broken) {
            return false;
        }
    }

    /** Valid UTF-8 (a byte-order mark allowed) with no control characters but tab, line breaks and form feed. */
    private static boolean isText(byte[] content) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException notUtf8) {
            return false;
        }
        return text.chars().noneMatch(c -> (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7F);
    }
}
