package uz.suhbat.domain.provider;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import uz.suhbat.domain.shared.InvalidValueException;
import uz.suhbat.domain.shared.Problem;

/**
 * A connection to a model provider, as the admin set it up on the Connections page.
 *
 * @param sealedKey the API key sealed with AES-GCM (opaque here; null: no key); never the key itself
 * @param keyHint   the key's last characters, to tell keys apart (null: no key)
 * @param version   grows with every change of the connection, so that each node rebuilds its client
 * @param models    the models users see, in order
 */
public record Connection(long id, String name, ConnectionKind kind, String baseUrl, String sealedKey, String keyHint,
                         boolean enabled, int version, List<ConnectionModel> models) {

    public static final int NAME_MAX = 80;
    public static final int URL_MAX = 500;
    public static final int KEY_MAX = 1000;

    public Connection {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(baseUrl, "baseUrl");
        models = List.copyOf(models);
    }

    public boolean hasKey() {
        return sealedKey != null && !sealedKey.isEmpty();
    }

    public Optional<ConnectionModel> model(String modelId) {
        return models.stream().filter(m -> m.modelId().equals(modelId)).findFirst();
    }

    /** A connection's name: 1 to 80 characters, trimmed, no control characters. */
    public static String parseName(String raw) {
        String name = raw == null ? "" : raw.strip();
        if (name.isEmpty() || name.length() > NAME_MAX || name.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidValueException("name", Problem.CONNECTION_NAME);
        }
        return name;
    }

    /** An absolute http(s) address without query, user info or fragment; a trailing slash is dropped. */
    public static String parseBaseUrl(String raw) {
        String url = raw == null ? "" : raw.strip();
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            if (url.length() <= URL_MAX && (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                    && uri.getRawQuery() == null && uri.getRawFragment() == null && uri.getRawUserInfo() == null) {
                return url;
            }
        } catch (java.net.URISyntaxException e) {
            // refused below
        }
        throw new InvalidValueException("baseUrl", Problem.CONNECTION_URL);
    }

    /** A key as typed: trimmed; blank means none; at most 1000 characters, no control characters or spaces. */
    public static Optional<String> parseKey(String raw) {
        String key = raw == null ? "" : raw.strip();
        if (key.isEmpty()) {
            return Optional.empty();
        }
        if (key.length() > KEY_MAX || key.chars().anyMatch(c -> Character.isISOControl(c) || Character.isWhitespace(c))) {
            throw new InvalidValueException("apiKey", Problem.CONNECTION_KEY);
        }
        return Optional.of(key);
    }

    /** The last four characters of a key behind an ellipsis, or only the ellipsis for a short key. */
    public static String hintOf(String key) {
        return key.length() < 12 ? "…" : "…" + key.substring(key.length() - 4);
    }

    /** Without the sealed key. */
    @Override
    public String toString() {
        return "Connection[id=" + id + ", name=" + name + ", kind=" + kind + ", baseUrl=" + baseUrl + ", key="
                + (hasKey() ? "(set)" : "(none)") + ", enabled=" + enabled + ", version=" + version + ", models=" + models + "]";
    }
}
