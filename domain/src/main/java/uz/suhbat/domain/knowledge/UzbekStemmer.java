package uz.suhbat.domain.knowledge;

import java.util.Arrays;
import java.util.Comparator;

/**
 * A dictionary-free Uzbek stemmer for search: strips inflectional suffixes from the end of a Latin,
 * {@link UzbekText#normalize}d word until none is left or the stem would get shorter than three
 * letters. Uzbek is agglutinative — stem, plural, possessive, case, particle, in that order
 * (huquq·lar·i·ni, uyushma·si·ga) — so stripping the longest suffix that matches, again and again,
 * brings the forms of a word to one stem. The list covers the noun cases (-ning -ni -ga/-ka/-qa -da
 * -dan -gacha -dagi), the plural (-lar), the possessives (-im -ing -i -si -imiz -ingiz -lari), the
 * copula and question particles (-dir -mi -chi) and common verb endings (-moq -ish -gan -adi -di
 * -yapti -moqda -ib -sa -il). The stem need not be a word: it is the same for the forms that matter,
 * which is what a keyword index needs. Derivational suffixes are left alone (-lik, -chi as a noun),
 * so that words of different meaning stay apart.
 */
public final class UzbekStemmer {

    private static final int MIN_STEM = 3;

    private static final String[] SUFFIXES = sortedLongestFirst(
            // particles and the copula
            "mi", "chi", "ku", "dir", "dirlar", "dek", "day",
            // cases
            "ning", "ni", "ga", "ka", "qa", "da", "dan", "gacha", "kacha", "qacha", "dagi", "dagina", "gina",
            // plural and possessives
            "lar", "im", "ing", "i", "si", "imiz", "ingiz", "miz", "ngiz", "lari", "m", "ng",
            // predicative person endings
            "man", "san", "siz",
            // verbs: infinitive, verbal nouns, participles, tenses, converbs, passive and reflexive
            "moq", "moqda", "moqchi", "ish", "sh", "ishi", "ishga", "ishni", "ishdan", "gan", "kan", "qan", "ganlik", "adi", "ydi", "di",
            "ydilar", "adilar", "dilar", "yapti", "yotgan", "ayotgan", "ib", "sa", "masa", "ma", "may", "il", "in", "ilgan",
            "ilish", "inish", "digan", "adigan", "ydigan", "gudek");

    private UzbekStemmer() {
    }

    public static String stem(String word) {
        if (hasDigit(word)) {
            return word;
        }
        String stem = word;
        boolean stripped = true;
        while (stripped) {
            stripped = false;
            for (String suffix : SUFFIXES) {
                if (stem.endsWith(suffix) && letters(stem) - letters(suffix) >= MIN_STEM && !stem.endsWith("'" + suffix)) {
                    stem = stem.substring(0, stem.length() - suffix.length());
                    stripped = true;
                    break;
                }
            }
        }
        return stem;
    }

    /** o' and g' count as one letter, as they are one in the alphabet. */
    private static int letters(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            n += text.charAt(i) == UzbekText.APOSTROPHE ? 0 : 1;
        }
        return n;
    }

    private static boolean hasDigit(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (Character.isDigit(word.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static String[] sortedLongestFirst(String... suffixes) {
        String[] sorted = Arrays.stream(suffixes).distinct().toArray(String[]::new);
        Arrays.sort(sorted, Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
        return sorted;
    }
}
