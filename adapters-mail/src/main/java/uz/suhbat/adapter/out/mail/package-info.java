/**
 * The mail adapter: writes account mail (verification, password reset) in the user's language
 * and sends it over SMTP, or writes it to the log when no SMTP server is configured so that a
 * local install still works. May depend on application and Spring's mail support.
 * {@link uz.suhbat.adapter.out.mail.MailConfiguration} is its one public entry point.
 */
package uz.suhbat.adapter.out.mail;
