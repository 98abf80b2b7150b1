package uz.suhbat.adapter.out.ai;

import java.util.function.Supplier;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.tartarus.snowball.SnowballStemmer;
import org.tartarus.snowball.ext.EnglishStemmer;
import org.tartarus.snowball.ext.RussianStemmer;
import uz.suhbat.application.port.out.knowledge.StemmerPort;
import uz.suhbat.domain.knowledge.Language;

/**
 * The Snowball stemmers that ship with Lucene: "English" (Porter2) and "Russian", and Lucene's stop
 * words of both, which stem to nothing. A Snowball stemmer keeps its word as state, so each thread
 * has its own.
 */
final class SnowballStemmers implements StemmerPort {

    /** Lucene's stop words of each language (its EnglishAnalyzer's and RussianAnalyzer's), read-only sets. */
    private static final CharArraySet ENGLISH_STOP = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;
    private static final CharArraySet RUSSIAN_STOP = RussianAnalyzer.getDefaultStopSet();

    private final ThreadLocal<SnowballStemmer> english = stemmer(EnglishStemmer::new);
    private final ThreadLocal<SnowballStemmer> russian = stemmer(RussianStemmer::new);

    @Override
    public String stem(Language language, String word) {
        if ((language == Language.ENGLISH && ENGLISH_STOP.contains(word)) || (language == Language.RUSSIAN && RUSSIAN_STOP.contains(word))) {
            return "";
        }
        SnowballStemmer stemmer = switch (language) {
            case ENGLISH -> english.get();
            case RUSSIAN -> russian.get();
            case UZBEK -> null;
        };
        if (stemmer == null || word.isEmpty()) {
            return word;
        }
        stemmer.setCurrent(word);
        stemmer.stem();
        return stemmer.getCurrent();
    }

    private static ThreadLocal<SnowballStemmer> stemmer(Supplier<SnowballStemmer> make) {
        return ThreadLocal.withInitial(make);
    }
}
