package uz.suhbat.application.fake;

import uz.suhbat.application.port.out.ai.ContextWindowPort;
import uz.suhbat.application.port.out.ai.ContextWindowPortContract;

class FixedContextWindowsTest extends ContextWindowPortContract {

    @Override
    protected ContextWindowPort windows() {
        return new FixedContextWindows(128_000);
    }

    @Override
    protected String knownModel() {
        return "gpt-4o-mini";
    }
}
