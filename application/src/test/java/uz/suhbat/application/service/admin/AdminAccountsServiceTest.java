package uz.suhbat.application.service.admin;

import static org.assertj.core.api.Assertions.assertThat;
import uz.suhbat.domain.shared.Problem;

import org.junit.jupiter.api.Test;
import uz.suhbat.application.fake.FakePasswordHashing;
import uz.suhbat.application.fake.InMemoryAdminRepository;
import uz.suhbat.application.fake.InMemoryAuditLogRepository;
import uz.suhbat.application.fake.MutableClock;
import uz.suhbat.application.port.in.admin.ManageAdminsUseCase.AdminView;
import uz.suhbat.domain.audit.AuditAction;
import uz.suhbat.domain.audit.AuditEntry;
import uz.suhbat.domain.user.Admin;
import uz.suhbat.domain.user.EmailAddress;
import uz.suhbat.domain.user.Username;

class AdminAccountsServiceTest {

    private final MutableClock clock = MutableClock.at("2026-11-26T08:00:00Z");
    private final InMemoryAdminRepository admins = new InMemoryAdminRepository();
    private final InMemoryAuditLogRepository audit = new InMemoryAuditLogRepository();
    private final FakePasswordHashing hashing = new FakePasswordHashing();
    private final AdminAccountsService service = new AdminAccountsService(admins, hashing, new AuditTrail(audit, admins, clock), clock);
    private final Admin main = admins.save(Admin.newMain(new Username("boss"), new EmailAddress("boss@example.uz"), "h", clock.instant()));

    @Test
    void givenTheMainAdmin_whenAddingAnAdmin_thenItIsStoredHashedAndAudited() {
        assertThat(service.add(main.id(), "helper", "helper@example.uz", "helper passphrase 1")).isEmpty();

        Admin helper = admins.findByUsername(new Username("helper")).orElseThrow();
        assertThat(helper.main()).isFalse();
        assertThat(hashing.matches("helper passphrase 1", helper.passwordHash())).isTrue();
        assertThat(service.admins()).extracting(AdminView::username).containsExactly("boss", "helper");
        assertThat(audit.all()).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo(AuditAction.ADMIN_ADDED);
            assertThat(e.adminUsername()).isEqualTo("boss");
            assertThat(e.target()).isEqualTo("helper");
        });
    }

    @Test
    void givenBadInput_whenAddingAnAdmin_thenEachFieldSaysWhatIsWrong() {
        service.add(main.id(), "helper", "helper@example.uz", "helper passphrase 1");

        assertThat(service.add(main.id(), "HELPER", "not an address", "password"))
                .containsEntry("username", Problem.USERNAME_TAKEN)
                .containsEntry("email", Problem.EMAIL_INVALID)
                .containsEntry("password", Problem.PASSWORD_COMMON);
    }

    @Test
    void givenAnotherAdmin_whenItTriesToChangeTheList_thenItIsRefused() {
        service.add(main.id(), "helper", "helper@example.uz", "helper passphrase 1");
        long helper = admins.findByUsername(new Username("helper")).orElseThrow().id();

        assertThat(service.add(helper, "second", "second@example.uz", "second passphrase 1")).containsEntry("admin", Problem.ADMIN_ONLY_MAIN);
        assertThat(service.remove(helper, helper)).containsEntry("admin", Problem.ADMIN_ONLY_MAIN);
        assertThat(admins.findAll()).hasSize(2);
    }

    @Test
    void givenTheMainAdmin_whenRemoving_thenOthersGoButTheMainAdminStays() {
        service.add(main.id(), "helper", "helper@example.uz", "helper passphrase 1");
        long helper = admins.findByUsername(new Username("helper")).orElseThrow().id();

        assertThat(service.remove(main.id(), main.id())).containsEntry("admin", Problem.ADMIN_MAIN_STAYS);
        assertThat(service.remove(main.id(), helper)).isEmpty();
        assertThat(service.remove(main.id(), helper)).containsEntry("admin", Problem.ADMIN_NOT_FOUND);

        assertThat(admins.findAll()).containsExactly(main);
        assertThat(audit.all()).extracting(AuditEntry::action).containsExactly(AuditAction.ADMIN_ADDED, AuditAction.ADMIN_REMOVED);
    }
}
