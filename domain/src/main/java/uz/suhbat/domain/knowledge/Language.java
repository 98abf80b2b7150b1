package uz.suhbat.domain.knowledge;

import java.util.Set;

/**
 * The languages whose words the keyword index reduces to stems. Uzbek covers both scripts: its
 * Cyrillic is {@linkplain UzbekScript#toLatin transliterated} to Latin first, so one stem serves both.
 */
public enum Language {
    UZBEK, ENGLISH, RUSSIAN;

    /** Letters only Uzbek Cyrillic has: ў қ ғ ҳ. */
    private static final String UZBEK_CYRILLIC = "\u045E\u049B\u0493\u04B3";
    /** Short, frequent words that tell the languages apart; none is shared between the lists. */
    private static final Set<String> UZBEK_WORDS = Set.of("va", "bilan", "uchun", "har", "bir", "yoki", "emas", "ham", "bu", "esa",
            "deb", "qilish", "kerak", "mumkin", "mumkinmi", "nima", "qanday", "qaysi", "qachon", "kim", "bormi", "ekan", "hech",
            "ва", "билан", "учун", "ҳар", "бир", "ёки", "эмас", "ҳам", "бу", "эса", "деб", "керак", "мумкин", "мумкинми", "нима",
            "қандай", "қайси", "борми", "ҳеч");
    private static final Set<String> ENGLISH_WORDS = Set.of("the", "of", "and", "to", "is", "in", "a", "an", "what", "how", "can",
            "does", "do", "which", "who", "be", "for", "with", "are", "it", "that", "this", "when", "where", "or", "not", "by", "on");
    private static final Set<String> RUSSIAN_WORDS = Set.of("и", "в", "на", "не", "что", "как", "с", "по", "для", "или", "ли", "его",
            "это", "к", "от", "же", "быть", "каждый", "человек");

    /**
     * The language of a text, judged from its script, the letters only Uzbek Cyrillic has, Uzbek's
     * oʻ and gʻ and frequent words of each language. {@code fallback} (may be null) is returned when
     * the text gives no evidence either way, as a short question may not.
     */
    public static Language detect(String text, Language fallback) {
        int latin = 0;
        int cyrillic = 0;
        int uzbekLetters = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = Character.toLowerCase(text.charAt(i));
            if (c >= 'a' && c <= 'z') {
                latin++;
            } else if (Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC) {
                cyrillic++;
                if (UZBEK_CYRILLIC.indexOf(c) >= 0) {
                    uzbekLetters++;
                }
            }
        }
        int uzbek = 0;
        int english = 0;
        int russian = 0;
        for (String word : UzbekText.words(text)) {
            if (UZBEK_WORDS.contains(word)) {
                uzbek++;
            } else if (ENGLISH_WORDS.contains(word)) {
                english++;
            } else if (RUSSIAN_WORDS.contains(word)) {
                russian++;
            }
            if (word.contains("o'") || word.contains("g'") || word.endsWith("ning") || word.endsWith("lar") || word.endsWith("dan")
                    || word.endsWith("нинг")) {
                uzbek++;
            }
        }
        if (cyrillic > latin) {
            if (uzbekLetters > 0 || uzbek > russian) {
                return UZBEK;
            }
            return russian > 0 || fallback == null || fallback == ENGLISH ? RUSSIAN : fallback;
        }
        if (latin == 0) {
            return fallback;
        }
        if (uzbek > english) {
            return UZBEK;
        }
        if (english > uzbek) {
            return ENGLISH;
        }
        return fallback != null ? fallback : ENGLISH;
    }
}
