package uz.suhbat.domain.user;

import java.util.Locale;
import uz.suhbat.domain.shared.Problem;
import java.util.Set;
import uz.suhbat.domain.shared.InvalidValueException;

/**
 * What a password must be: at least 8 characters, at most 1000, and not one of the passwords
 * attackers try first. Any script is welcome; length is counted in characters, not bytes.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 1000;

    // the most used passwords of public breach lists, plus local favourites
    private static final Set<String> COMMON = Set.of(
            "password", "password1", "password12", "password123", "passw0rd", "p@ssw0rd", "p@ssword", "12345678",
            "123456789", "1234567890", "12345678910", "123123123", "11111111", "00000000", "88888888", "87654321",
            "qwertyui", "qwerty123", "qwerty12", "qwertyuiop", "1q2w3e4r", "1q2w3e4r5t", "1qaz2wsx", "zaq12wsx",
            "asdfghjk", "asdfghjkl", "iloveyou", "sunshine", "princess", "football", "baseball", "welcome1",
            "welcome123", "abc12345", "abcd1234", "abcdefgh", "letmein1", "trustno1", "superman", "starwars",
            "whatever", "computer", "internet", "michael1", "jennifer", "dragon12", "monkey12", "master12",
            "changeme", "admin123", "administrator", "rootroot", "test1234", "testtest", "secret12", "default1",
            "parol123", "parol1234", "parolparol", "salom123", "salomsalom", "uzbekistan", "toshkent", "tashkent",
            "samarqand", "11223344", "12341234", "12344321", "147258369", "159753456", "987654321", "q1w2e3r4",
            "q1w2e3r4t5", "aa123456", "qazwsxedc", "1234qwer", "qwer1234", "pa$$word", "passport", "password!",
            "mustang1", "shadow12", "michelle", "loveyou1", "12qwaszx", "1234abcd", "zxcvbnm1", "zxcvbnma");

    private PasswordPolicy() {
    }

    public static void check(String password, String... personalWords) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw new InvalidValueException("password", Problem.PASSWORD_TOO_SHORT);
        }
        if (password.length() > MAX_LENGTH) {
            throw new InvalidValueException("password", Problem.PASSWORD_TOO_LONG);
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower) || lower.chars().distinct().count() <= 2) {
            throw new InvalidValueException("password", Problem.PASSWORD_COMMON);
        }
        for (String word : personalWords) {
            if (word != null && word.length() >= 3 && lower.equals(word.toLowerCase(Locale.ROOT))) {
                throw new InvalidValueException("password", Problem.PASSWORD_PERSONAL);
            }
        }
    }
}
