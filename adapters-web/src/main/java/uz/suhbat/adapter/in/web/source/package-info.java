/**
 * The pages that answers of PDF models cite, opened from the sources under an answer: for the
 * chat's owner and for admins, through {@link uz.suhbat.application.port.in.knowledge.CitedPageQuery}.
 */
package uz.suhbat.adapter.in.web.source;
