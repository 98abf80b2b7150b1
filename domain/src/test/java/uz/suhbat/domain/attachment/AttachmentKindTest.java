package uz.suhbat.domain.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class AttachmentKindTest {

    private static byte[] zip(String entry) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write("<w:document/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    @Test
    void eachKindIsToldByItsContent() throws IOException {
        assertThat(AttachmentKind.of("%PDF-1.7\n...".getBytes(StandardCharsets.US_ASCII))).contains(AttachmentKind.PDF);
        assertThat(AttachmentKind.of(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0})).contains(AttachmentKind.PNG);
        assertThat(AttachmentKind.of(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0})).contains(AttachmentKind.JPEG);
        assertThat(AttachmentKind.of("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1))).contains(AttachmentKind.WEBP);
        assertThat(AttachmentKind.of(zip("word/document.xml"))).contains(AttachmentKind.DOCX);
        assertThat(AttachmentKind.of("# Sarlavha\n\nOʻzbekcha matn, русский текст.\n".getBytes(StandardCharsets.UTF_8)))
                .contains(AttachmentKind.TEXT);
    }

    @Test
    void whatItIsNotIsRefusedWhateverItsName() throws IOException {
        assertThat(AttachmentKind.of(zip("xl/workbook.xml"))).as("a spreadsheet is no Word document").isEmpty();
        assertThat(AttachmentKind.of(new byte[] {0, 1, 2, 3, 4, 5})).as("binary is no text").isEmpty();
        assertThat(AttachmentKind.of(new byte[] {(byte) 0xC3, (byte) 0x28})).as("broken UTF-8").isEmpty();
        assertThat(AttachmentKind.of(new byte[0])).isEmpty();
        byte[] textCalledPng = "this is not a picture".getBytes(StandardCharsets.UTF_8);
        assertThat(AttachmentKind.claimedBy("photo.png")).contains(AttachmentKind.PNG);
        assertThat(AttachmentKind.of(textCalledPng)).as("the content decides, not the name").contains(AttachmentKind.TEXT);
        assertThat(AttachmentKind.of(textCalledPng).get().image()).isFalse();
    }
}
