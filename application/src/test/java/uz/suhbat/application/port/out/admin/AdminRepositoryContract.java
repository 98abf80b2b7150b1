package uz.suhbat.application.port.out.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import uz.suhbat.domain.user.Admin;
import uz.suhbat.domain.user.EmailAddress;
import uz.suhbat.domain.user.Username;

/**
 * What every {@link AdminRepository} must do. Subclasses give a fresh, empty repository;
 * the in-memory fake and the jOOQ adapter both run these tests, so the fake cannot drift.
 */
public abstract class AdminRepositoryContract {

    protected abstract AdminRepository emptyRepository();

    private static final Instant NOW = Instant.parse("2026-11-26T08:00:00.123Z").truncatedTo(ChronoUnit.MILLIS);

    @Test
    void savesAndFindsTheMainAdmin() {
        AdminRepository repository = emptyRepository();
        assertThat(repository.findMain()).isEmpty();

        Admin saved = repository.save(Admin.newMain(new Username("boss"), new EmailAddress("boss@example.uz"), "hash-1", NOW));

        assertThat(saved.id()).isNotNull();
        assertThat(repository.findMain()).contains(saved);
        assertThat(repository.findByUsername(new Username("BOSS"))).contains(saved);
        assertThat(repository.findByUsername(new Username("nobody"))).isEmpty();
    }

    @Test
    void keepsAnAdminsLanguage() {
        AdminRepository repository = emptyRepository();
        Admin boss = repository.save(Admin.newMain(new Username("boss"), new EmailAddress("boss@example.uz"), "hash-1", NOW));

        assertThat(repository.preferences(boss.id())).contains(new AdminRepository.Preferences(null));
        assertThat(repository.saveLanguage(boss.id(), "ru")).isTrue();
        assertThat(repository.preferences(boss.id())).contains(new AdminRepository.Preferences("ru"));
        assertThat(repository.findById(boss.id())).contains(boss);

        assertThat(repository.preferences(boss.id() + 1000)).isEmpty();
        assertThat(repository.saveLanguage(boss.id() + 1000, "ru")).isFalse();
    }

    @Test
    void updatesInPlace() {
        AdminRepository repository = emptyRepository();
        Admin saved = repository.save(Admin.newMain(new Username("boss"), new EmailAddress("boss@example.uz"), "hash-1", NOW));

        Admin changed = repository.save(saved.withIdentity(new Username("chief"), new EmailAddress("chief@example.uz")).withPasswordHash("hash-2"));

        assertThat(changed.id()).isEqualTo(saved.id());
        assertThat(repository.findMain()).contains(changed);
        assertThat(repository.findByUsername(new Username("boss"))).isEmpty();
    }

    @Test
    void listsTheMainAdminFirstAndDeletesOthers() {
        AdminRepository repository = emptyRepository();
        Admin other = repository.save(Admin.newAdmin(new Username("helper"), new EmailAddress("helper@example.uz"), "hash-2", NOW));
        Admin main = repository.save(Admin.newMain(new Username("boss"), new EmailAddress("boss@example.uz"), "hash-1", NOW));

        assertThat(repository.findAll()).containsExactly(main, other);
        assertThat(repository.findById(other.id())).contains(other);

        repository.delete(other.id());

        assertThat(repository.findById(other.id())).isEmpty();
        assertThat(repository.findAll()).containsExactly(main);
    }
}
