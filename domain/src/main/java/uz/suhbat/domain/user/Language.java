package uz.suhbat.domain.user;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages Suhbat speaks, by their BCP 47 tags: Uzbek in Latin script (the default), Uzbek in
 * Cyrillic script, Russian and English. An account keeps one of these tags; pages and mail use it.
 */
public enum Language {

    UZBEK_LATIN("uz"),
    UZBEK_CYRILLIC("uz-Cyrl"),
    RUSSIAN("ru"),
    ENGLISH("en");

    public static final Language DEFAULT = UZBEK_LATIN;

    private final String tag;

    Language(String tag) {
        this.tag = tag;
    }

    /** The BCP 47 tag as stored on an account and written in {@code lang} attributes: "uz", "uz-Cyrl", "ru", "en". */
    public String tag() {
        return tag;
    }

    public static List<Language> all() {
        return List.of(values());
    }

    /**
     * The language a tag asks for, if we have it: "uz", "uz-UZ" and "uz-Latn" are Uzbek in Latin script,
     * "uz-Cyrl" (also "uz-Cyrl-UZ", "uz_Cyrl") Uzbek in Cyrillic script, "ru-RU" Russian, "en-GB" English.
     * Case does not matter; anything else is empty.
     */
    public static Optional<Language> of(String tag) {
        if (tag == null || tag.isBlank() || tag.length() > 35) {
            return Optional.empty();
        }
        String[] parts = tag.strip().replace('_', '-').toLowerCase(Locale.ROOT).split("-");
        return switch (parts[0]) {
            case "uz" -> Optional.of(parts.length > 1 && parts[1].equals("cyrl") ? UZBEK_CYRILLIC : UZBEK_LATIN);
            case "ru" -> Optional.of(RUSSIAN);
            case "en" -> Optional.of(ENGLISH);
            default -> Optional.empty();
        };
    }

    /** The language of a tag, or the default one (Uzbek, Latin script) for an unknown or missing tag. */
    public static Language orDefault(String tag) {
        return of(tag).orElse(DEFAULT);
    }
}
