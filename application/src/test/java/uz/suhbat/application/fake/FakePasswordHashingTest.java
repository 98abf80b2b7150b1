package uz.suhbat.application.fake;

import uz.suhbat.application.port.out.security.PasswordHashingPort;
import uz.suhbat.application.port.out.security.PasswordHashingPortContract;

class FakePasswordHashingTest extends PasswordHashingPortContract {

    @Override
    protected PasswordHashingPort hashing() {
        return new FakePasswordHashing();
    }
}
