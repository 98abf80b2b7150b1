package uz.suhbat.application.port.in.conversation;

/** The admin's switch for share links, for everyone. */
public interface SharingSwitchUseCase {

    boolean sharingEnabled();

    /** Turns sharing on or off and records it in the audit log. */
    void setSharingEnabled(long adminId, boolean enabled);
}
