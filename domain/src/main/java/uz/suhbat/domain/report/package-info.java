/**
 * Read models for the admin panel: what the users, chats and statistics pages show, and the
 * criteria that select it. They are computed by aggregate queries and never change anything,
 * so they carry no rules beyond keeping their criteria within sensible bounds.
 */
package uz.suhbat.domain.report;
