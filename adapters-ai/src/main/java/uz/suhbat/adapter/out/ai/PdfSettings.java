package uz.suhbat.adapter.out.ai;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounds on reading an uploaded PDF into a model.
 *
 * @param maxPages      the most pages a document may have; a longer one is refused at upload
 * @param ingestTimeout the longest reading a document may take in the background, the embedding it
 *                      waits for included; when it runs out the model fails with that reason
 */
public record PdfSettings(int maxPages, Duration ingestTimeout) {

    /** Generous for manuals and books, small enough that one upload cannot occupy the server for hours. */
    public static final PdfSettings DEFAULTS = new PdfSettings(2000, Duration.ofMinutes(10));

    public PdfSettings {
        Objects.requireNonNull(ingestTimeout, "ingestTimeout");
        if (maxPages < 1) {
            throw new IllegalArgumentException("maxPages must be at least 1");
        }
        if (ingestTimeout.isNegative() || ingestTimeout.isZero()) {
            throw new IllegalArgumentException("ingestTimeout must be positive");
        }
    }
}
