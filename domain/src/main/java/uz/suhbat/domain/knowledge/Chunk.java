package uz.suhbat.domain.knowledge;

/** A passage of a document, short enough to embed as a whole, with the 1-based page it comes from. */
public record Chunk(int page, String text) {

    public Chunk {
        if (page < 1) {
            throw new IllegalArgumentException("pages are numbered from 1: " + page);
        }
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a chunk needs text");
        }
    }
}
