package uz.suhbat.application.service.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import uz.suhbat.application.fake.InMemoryChatLimits;
import uz.suhbat.application.fake.InMemoryLimitSettingsRepository;
import uz.suhbat.application.port.in.account.SessionCheckQuery;
import uz.suhbat.application.port.in.account.SessionCheckQuery.Checked;
import uz.suhbat.application.port.out.account.SignedInReadPort;
import uz.suhbat.application.port.out.chat.NewChatReadPort;

/**
 * The session check of a request that starts a chat ({@link SessionCheckService#checkStartingChat}) answers from the read the new
 * chat needs of its author: exactly as {@link SessionCheckService#check(long, int, String)} answers, in one read, and hands that
 * read on only for a session that may go on.
 */
class SessionCheckStartingChatTest extends AccountsFixture {

    private final InMemoryLimitSettingsRepository quotas = new InMemoryLimitSettingsRepository();
    private final AtomicInteger reads = new AtomicInteger();
    private final NewChatReadPort newChats = userId -> {
        reads.incrementAndGet();
        return NewChatReadPort.separately(new InMemoryChatLimits(20, users), quotas, null).newChatOf(userId);
    };
    private final SessionCheckService checking = new SessionCheckService(users, devices, newChats);

    @Test
    void anActiveSession_isCheckedWithTheNewChatsReadOfItsAuthor_inOneRead_andTheReadIsHandedOn() {
        long id = verified("nodira");
        int epoch = checking.currentEpoch(id);
        reads.set(0);

        Checked checked = checking.checkStartingChat(id, epoch, null);

        assertThat(checked.state()).isEqualTo(checking.check(id, epoch, null)).isInstanceOf(SessionCheckQuery.Active.class);
        assertThat(reads).as("one read of the author for the check and the chat").hasValue(1);
        assertThat(checked.ahead()).isInstanceOfSatisfying(NewChatReadAhead.class, ahead -> {
            assertThat(ahead.userId()).isEqualTo(id);
            assertThat(ahead.facts().author().user().id()).isEqualTo(id);
            assertThat(ahead.facts().author().limitForNewChat().value()).isEqualTo(20);
        });
    }

    @Test
    void aBlockedUser_isToldWhy_andNothingIsHandedOn() {
        long id = verified("bekzod");
        int epoch = checking.currentEpoch(id);
        users.save(users.findById(id).orElseThrow().block("Spam"));

        Checked checked = checking.checkStartingChat(id, epoch, null);

        assertThat(checked.state()).isEqualTo(new SessionCheckQuery.Blocked("Spam")).isEqualTo(checking.check(id, epoch, null));
        assertThat(checked.ahead()).isNull();
    }

    @Test
    void sessionsEndedEverywhere_orOfAUserWhoIsGone_endHere_andNothingIsHandedOn() {
        long id = verified("sardor");
        int epoch = checking.currentEpoch(id);
        users.save(users.findById(id).orElseThrow().endAllSessions()); // a password change, or "sign out everywhere"

        assertThat(checking.checkStartingChat(id, epoch, null)).isEqualTo(new Checked(new SessionCheckQuery.Ended(), null));
        assertThat(checking.checkStartingChat(id, epoch + 1, null).state()).isInstanceOf(SessionCheckQuery.Active.class);
        assertThat(checking.checkStartingChat(987_654L, 0, null)).isEqualTo(new Checked(new SessionCheckQuery.Ended(), null));
    }

    @Test
    void theSessionOfADeviceThatWasSignedOut_endsHereToo() {
        long id = verified("onedevice");
        String laptop = deviceLogins.remember(id, "Laptop");
        String phone = deviceLogins.remember(id, "Phone");
        int epoch = checking.currentEpoch(id);
        String phoneSeries = phone.substring(0, phone.indexOf(':'));
        String laptopSeries = laptop.substring(0, laptop.indexOf(':'));
        long phoneId = deviceLogins.devices(id, laptop).stream().filter(d -> !d.current()).findFirst().orElseThrow().id();

        deviceLogins.signOut(id, phoneId);

        assertThat(checking.checkStartingChat(id, epoch, phoneSeries)).isEqualTo(new Checked(new SessionCheckQuery.Ended(), null));
        assertThat(checking.checkStartingChat(id, epoch, laptopSeries).state()).isInstanceOf(SessionCheckQuery.Active.class);
        long other = verified("someoneelse");
        assertThat(checking.checkStartingChat(other, checking.currentEpoch(other), laptopSeries).state())
                .as("another account's device does not count").isInstanceOf(SessionCheckQuery.Ended.class);
    }

    @Test
    void withoutANewChatRead_aRequestThatStartsAChatIsCheckedAsAnyOther() {
        long id = verified("oddiy");
        int epoch = sessions.currentEpoch(id);

        assertThat(sessions.checkStartingChat(id, epoch, null)).isEqualTo(new Checked(sessions.check(id, epoch, null), null));
        assertThat(List.of(reads.get())).containsExactly(0);
    }

    /** Given a read of the user and the device in one ({@link SignedInReadPort}), a device's request is checked with that one read. */
    @Test
    void aRememberedDevicesRequest_isCheckedWithOneReadOfItsUserAndDevice() {
        long id = verified("birdaniga");
        String laptop = deviceLogins.remember(id, "Laptop");
        String series = laptop.substring(0, laptop.indexOf(':'));
        AtomicInteger oneReads = new AtomicInteger();
        SignedInReadPort counted = new SignedInReadPort() {
            @Override
            public java.util.Optional<SignedIn<uz.suhbat.domain.user.User>> user(long userId, String deviceSeries) {
                oneReads.incrementAndGet();
                return users.findById(userId).map(user -> new SignedIn<>(user, signedIn(userId, deviceSeries)));
            }

            @Override
            public java.util.Optional<SignedIn<NewChatReadPort.NewChatFacts>> newChat(long userId, String deviceSeries) {
                oneReads.incrementAndGet();
                return newChats.newChatOf(userId).map(facts -> new SignedIn<>(facts, signedIn(userId, deviceSeries)));
            }

            private boolean signedIn(long userId, String deviceSeries) {
                return deviceSeries == null || devices.findBySeries(deviceSeries).filter(d -> d.userId() == userId).isPresent();
            }
        };
        SessionCheckService oneRead = new SessionCheckService(users, devices, newChats, counted);
        int epoch = oneRead.currentEpoch(id);

        assertThat(oneRead.check(id, epoch, series)).isEqualTo(checking.check(id, epoch, series)).isInstanceOf(SessionCheckQuery.Active.class);
        assertThat(oneRead.checkStartingChat(id, epoch, series).state()).isInstanceOf(SessionCheckQuery.Active.class);
        assertThat(oneReads).as("one read per check").hasValue(2);
        assertThat(oneRead.check(id, epoch, null)).as("no device: the user's read alone").isInstanceOf(SessionCheckQuery.Active.class);
        assertThat(oneReads).hasValue(2);

        devices.deleteBySeries(series); // signed out from another device
        assertThat(oneRead.check(id, epoch, series)).isEqualTo(new SessionCheckQuery.Ended());
        assertThat(oneRead.checkStartingChat(id, epoch, series)).isEqualTo(new Checked(new SessionCheckQuery.Ended(), null));
        users.save(users.findById(id).orElseThrow().block("Spam"));
        assertThat(oneRead.check(id, epoch, series)).as("blocked is told before the device").isEqualTo(new SessionCheckQuery.Blocked("Spam"));
    }
}
