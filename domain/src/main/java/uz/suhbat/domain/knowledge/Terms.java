package uz.suhbat.domain.knowledge;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns text into the terms of the keyword index, for a given language: the {@link UzbekText#words}
 * of the text, Uzbek Cyrillic transliterated to Latin and reduced by {@link UzbekStemmer}, English
 * and Russian reduced by the stemmer given (a Snowball stemmer in production). A passage is read in
 * its own {@linkplain Language#detect detected} language; a question is read in each language the
 * index holds, and compared with the passages of that language.
 */
public final class Terms {

    /** Reduces a lower-case word of English or Russian to its stem. */
    @FunctionalInterface
    public interface Stemmer {
        String stem(Language language, String word);
    }

    /** No stemmer for English and Russian: their words are kept whole. */
    public static final Stemmer WHOLE_WORDS = (language, word) -> word;

    private final Stemmer stemmer;

    public Terms(Stemmer stemmer) {
        this.stemmer = stemmer;
    }

    public List<String> of(String text, Language language) {
        List<String> words = UzbekText.words(text);
        List<String> terms = new ArrayList<>(words.size());
        for (String word : words) {
            terms.add(term(word, language));
        }
        return terms;
    }

    private String term(String word, Language language) {
        return switch (language) {
            case UZBEK -> UzbekStemmer.stem(UzbekScript.toLatin(word));
            case ENGLISH, RUSSIAN -> stemmer.stem(language, word);
        };
    }
}
