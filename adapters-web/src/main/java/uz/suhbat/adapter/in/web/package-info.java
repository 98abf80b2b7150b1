/**
 * The web adapter: server-rendered Mustache pages, the JSON/SSE API of docs/api.md, Spring
 * Security and the static front end. Talks to the core only through in-ports (and implements the
 * password-hashing out-port, since Spring Security owns the encoders). May depend on application,
 * Spring MVC, Spring Security and Mustache. {@link uz.suhbat.adapter.in.web.WebConfiguration} is
 * its one public entry point.
 */
package uz.suhbat.adapter.in.web;
