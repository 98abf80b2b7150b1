package uz.suhbat.application.service.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import uz.suhbat.application.fake.FakePasswordHashing;
import uz.suhbat.application.fake.InMemoryAdminRepository;
import uz.suhbat.application.fake.MutableClock;
import uz.suhbat.application.port.in.admin.EnsureMainAdminUseCase.Change;
import uz.suhbat.application.port.in.admin.EnsureMainAdminUseCase.Command;
import uz.suhbat.application.port.in.admin.EnsureMainAdminUseCase.Outcome;
import uz.suhbat.domain.user.Admin;
import uz.suhbat.domain.user.EmailAddress;
import uz.suhbat.domain.user.Username;

class MainAdminServiceTest {

    private final InMemoryAdminRepository admins = new InMemoryAdminRepository();
    private final FakePasswordHashing hashing = new FakePasswordHashing();
    private final MainAdminService service = new MainAdminService(admins, hashing, MutableClock.at("2026-11-26T08:00:00Z"));

    private static Command command(String username, String password) {
        return new Command(new Username(username), new EmailAddress(username + "@example.uz"), Optional.ofNullable(password));
    }

    @Test
    void givenNoAdmin_whenPasswordConfigured_thenCreatesItWithThatPasswordHashed() {
        Outcome outcome = service.ensureMainAdmin(command("boss", "s3cret-Password"));

        assertThat(outcome.change()).isEqualTo(Change.CREATED);
        assertThat(outcome.generatedPassword()).isEmpty();
        Admin admin = admins.findMain().orElseThrow();
        assertThat(admin.passwordHash()).isNotEqualTo("s3cret-Password");
        assertThat(hashing.matches("s3cret-Password", admin.passwordHash())).isTrue();
    }

    @Test
    void givenNoAdmin_whenNoPasswordConfigured_thenGeneratesAStrongOneAndReportsItOnce() {
        Outcome first = service.ensureMainAdmin(command("boss", null));

        String generated = first.generatedPassword().orElseThrow();
        assertThat(generated).hasSize(20).matches("[A-Za-z2-9]+");
        assertThat(hashing.matches(generated, admins.findMain().orElseThrow().passwordHash())).isTrue();

        Outcome second = service.ensureMainAdmin(command("boss", null));
        assertThat(second.change()).isEqualTo(Change.UNCHANGED);
        assertThat(second.generatedPassword()).isEmpty();
        assertThat(hashing.matches(generated, admins.findMain().orElseThrow().passwordHash())).isTrue();
    }

    @Test
    void givenAdmin_whenConfigurationChanges_thenUpdatesNameAndPassword() {
        service.ensureMainAdmin(command("boss", "old-password-1"));

        Outcome outcome = service.ensureMainAdmin(command("chief", "new-password-2"));

        assertThat(outcome.change()).isEqualTo(Change.UPDATED);
        Admin admin = admins.findMain().orElseThrow();
        assertThat(admin.username()).isEqualTo(new Username("chief"));
        assertThat(hashing.matches("new-password-2", admin.passwordHash())).isTrue();
    }

    @Test
    void givenAdmin_whenSameConfiguration_thenNothingChanges() {
        service.ensureMainAdmin(command("boss", "same-password-1"));
        String hashBefore = admins.findMain().orElseThrow().passwordHash();

        Outcome outcome = service.ensureMainAdmin(command("boss", "same-password-1"));

        assertThat(outcome.change()).isEqualTo(Change.UNCHANGED);
        assertThat(admins.findMain().orElseThrow().passwordHash()).isEqualTo(hashBefore);
    }
}
