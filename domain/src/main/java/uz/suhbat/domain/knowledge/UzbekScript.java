package uz.suhbat.domain.knowledge;

/**
 * Uzbek Cyrillic to Uzbek Latin, letter by letter after the official 1995 alphabet, on
 * {@link UzbekText#normalize}d (lower-case) text: ў → o', ғ → g', қ → q, ҳ → h, ш → sh, ч → ch,
 * ё → yo, ю → yu, я → ya, е → ye at the start of a word and after a vowel or ъ, else e, ц → s, ъ →
 * the tutuq belgisi ('), ь dropped. Latin letters and everything else pass unchanged, so the result
 * of mixed text is all Latin. Two spellings that differ only by script then give the same words.
 */
public final class UzbekScript {

    private static final String VOWELS = "аеёиоуэюяўaeiou";

    private UzbekScript() {
    }

    public static boolean hasCyrillic(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.UnicodeBlock.of(text.charAt(i)) == Character.UnicodeBlock.CYRILLIC) {
                return true;
            }
        }
        return false;
    }

    public static String toLatin(String text) {
        if (!hasCyrillic(text)) {
            return text;
        }
        StringBuilder latin = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char before = i == 0 ? ' ' : text.charAt(i - 1);
            latin.append(switch (c) {
                case 'а' -> "a";
                case 'б' -> "b";
                case 'в' -> "v";
                case 'г' -> "g";
                case 'д' -> "d";
                case 'е' -> !Character.isLetter(before) || VOWELS.indexOf(before) >= 0 || before == 'ъ' || before == 'ь' ? "ye" : "e";
                case 'ё' -> "yo";
                case 'ж' -> "j";
                case 'з' -> "z";
                case 'и' -> "i";
                case 'й' -> "y";
                case 'к' -> "k";
                case 'л' -> "l";
                case 'м' -> "m";
                case 'н' -> "n";
                case 'о' -> "o";
                case 'п' -> "p";
                case 'р' -> "r";
                case 'с' -> "s";
                case 'т' -> "t";
                case 'у' -> "u";
                case 'ф' -> "f";
                case 'х' -> "x";
                case 'ц' -> "s";
                case 'ч' -> "ch";
                case 'ш' -> "sh";
                case 'щ' -> "sh";
                case 'ъ' -> "'";
                case 'ы' -> "i";
                case 'ь' -> "";
                case 'э' -> "e";
                case 'ю' -> "yu";
                case 'я' -> "ya";
                case 'ў' -> "o'";
                case 'қ' -> "q";
                case 'ғ' -> "g'";
                case 'ҳ' -> "h";
                default -> String.valueOf(c);
            });
        }
        return latin.toString();
    }
}
