package uz.suhbat.domain.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns text into the terms of the keyword index, for a given language: the {@link UzbekText#words}
 * of the text, Uzbek Cyrillic transliterated to Latin and reduced by {@link UzbekStemmer}, English
 * and Russian reduced by the stemmer given (a Snowball stemmer in production). A passage is read in
 * its own {@linkplain Language#detect detected} language; a question is read in each language the
 * index holds, and compared with the passages of that language.
 */
public final class Terms {

    /**
     * Uzbek words that tell no passage from another: conjunctions, pronouns, particles and the words
     * questions are made of ("mumkinmi", "qanday"). English and Russian stop words come from the stemmer.
     */
    static final Set<String> UZBEK_STOP_WORDS = Set.of("va", "bilan", "uchun", "ham", "bu", "shu", "ana", "esa", "yoki", "deb", "u",
            "ular", "men", "sen", "biz", "siz", "nima", "qanday", "qaysi", "kim", "qachon", "qayerda", "qancha", "necha",
            "mumkinmi", "bormi", "kerakmi", "emasmi", "edi", "ekan", "bo'lsa", "lekin", "ammo", "agar", "chunki", "hamda");

    /** Reduces a lower-case word of English or Russian to its stem; empty for a stop word. */
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
            String term = term(word, language);
            if (!term.isEmpty()) {
                terms.add(term);
            }
        }
        return terms;
    }

    private String term(String word, Language language) {
        return switch (language) {
            case UZBEK -> {
                String latin = UzbekScript.toLatin(word);
                yield UZBEK_STOP_WORDS.contains(latin) ? "" : UzbekStemmer.stem(latin);
            }
            case ENGLISH, RUSSIAN -> stemmer.stem(language, word);
        };
    }
}
