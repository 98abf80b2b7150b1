package uz.suhbat.application.port.out.conversation;

/** The admin's switch for share links, for every user and every node. */
public interface SharingSettingRepository {

    /** True unless an admin turned sharing off. */
    boolean sharingEnabled();

    void setSharingEnabled(boolean enabled);
}
