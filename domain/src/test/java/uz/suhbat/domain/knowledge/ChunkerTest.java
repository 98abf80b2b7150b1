package uz.suhbat.domain.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChunkerTest {

    private final Chunker chunker = new Chunker(140, 25, 900);

    @Test
    void aShortPageIsOneChunkWithItsPage() {
        // when
        List<Chunk> chunks = chunker.split(7, "  Samarqand   is old.\n\nIt is\tbeautiful. ");

        // then
        assertThat(chunks).containsExactly(new Chunk(7, "Samarqand is old. It is beautiful."));
    }

    @Test
    void aBlankPageHasNoChunks() {
        assertThat(chunker.split(1, " \n\t ")).isEmpty();
    }

    @Test
    void aLongPageIsCutIntoOverlappingChunksOfBoundedSize() {
        // given 1000 numbered words in sentences of ten
        String text = numberedWords(1000, 10);

        // when
        List<Chunk> chunks = chunker.split(3, text);

        // then every chunk is near the target size and shares some words with the next
        assertThat(chunks).hasSizeBetween(7, 10).allSatisfy(chunk -> {
            assertThat(chunk.page()).isEqualTo(3);
            assertThat(chunk.text().length()).isLessThanOrEqualTo(900);
            assertThat(words(chunk)).hasSizeLessThanOrEqualTo(168);
        });
        for (int i = 0; i + 1 < chunks.size(); i++) {
            List<String> current = words(chunks.get(i));
            List<String> next = words(chunks.get(i + 1));
            assertThat(current).hasSizeGreaterThanOrEqualTo(80);
            int overlap = current.size() - current.indexOf(next.get(0));
            assertThat(current).contains(next.get(0));
            assertThat(overlap).isBetween(10, 25);
        }
        // and no word is lost
        List<String> all = new ArrayList<>();
        chunks.forEach(chunk -> all.addAll(words(chunk)));
        assertThat(all).containsAll(List.of(text.split("\\s+")));
    }

    @Test
    void chunksEndAtSentenceEndsWhenTheyCan() {
        // when
        List<Chunk> chunks = chunker.split(1, numberedWords(600, 12));

        // then
        assertThat(chunks.subList(0, chunks.size() - 1)).allSatisfy(chunk -> assertThat(chunk.text()).endsWith("."));
    }

    @Test
    void longUnbrokenTextIsHardSplitSafely() {
        // given a page of text without a single space
        String url = "https://example.uz/" + "a".repeat(5000);

        // when
        List<Chunk> chunks = chunker.split(2, url);

        // then
        assertThat(chunks).hasSizeGreaterThan(5)
                .allSatisfy(chunk -> assertThat(chunk.text().length()).isLessThanOrEqualTo(900));
        assertThat(chunks.get(0).text()).startsWith("https://example.uz/aaa").doesNotContain(" ");
    }

    @Test
    void theSameInputGivesTheSameChunks() {
        String text = numberedWords(777, 9) + "\n\nSo'nggi paragraf.";
        assertThat(chunker.split(1, text)).isEqualTo(chunker.split(1, text));
    }

    @Test
    void aChunkerRefusesSizesThatCannotWork() {
        assertThatThrownBy(() -> new Chunker(100, 60, 900)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Chunker(5, 0, 900)).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<String> words(Chunk chunk) {
        return Arrays.asList(chunk.text().split(" "));
    }

    private static String numberedWords(int count, int sentenceLength) {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            text.append("w").append(i).append(i % sentenceLength == 0 ? ". " : " ");
        }
        return text.toString();
    }
}
