package uz.suhbat.application.port.out.knowledge;

import uz.suhbat.domain.knowledge.Language;

/**
 * Reduces English and Russian words to their stems for the keyword side of PDF search (Uzbek is
 * stemmed in the domain, by rules of its own). Thread-safe.
 */
public interface StemmerPort {

    /**
     * The stem of a lower-case word of {@code language}; empty for a stop word ("the", "и"), which
     * tells nothing apart; the word itself for a language it has no stemmer for.
     */
    String stem(Language language, String word);
}
