package uz.suhbat.application.service.conversation;

import uz.suhbat.application.port.in.conversation.SharingSwitchUseCase;
import uz.suhbat.application.port.out.conversation.SharingSettingRepository;
import uz.suhbat.application.service.admin.AuditTrail;
import uz.suhbat.domain.audit.AuditAction;

/** The admin's switch for share links; each change is written to the audit log. */
public final class SharingSwitchService implements SharingSwitchUseCase {

    private final SharingSettingRepository setting;
    private final AuditTrail audit;

    public SharingSwitchService(SharingSettingRepository setting, AuditTrail audit) {
        this.setting = setting;
        this.audit = audit;
    }

    @Override
    public boolean sharingEnabled() {
        return setting.sharingEnabled();
    }

    @Override
    public void setSharingEnabled(long adminId, boolean enabled) {
        boolean before = setting.sharingEnabled();
        if (before == enabled) {
            return;
        }
        setting.setSharingEnabled(enabled);
        audit.record(adminId, AuditAction.SHARING_CHANGED, "sharing", (before ? "on" : "off") + " → " + (enabled ? "on" : "off"));
    }
}
