package uz.suhbat.application.fake;

import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import uz.suhbat.application.port.out.security.SecretKeyRepository;

public final class InMemorySecretKeyRepository implements SecretKeyRepository {

    private final Map<String, byte[]> secrets = new ConcurrentHashMap<>();

    @Override
    public byte[] secret(String name) {
        return secrets.computeIfAbsent(name, n -> {
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            return bytes;
        }).clone();
    }
}
