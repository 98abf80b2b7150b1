package uz.suhbat.adapter.out.ai.provider;

import java.util.List;

/** The models a connection offers, as its provider lists them. */
public interface ModelCatalog {

    /**
     * The ids of the chat models the key may use, as the provider names them in a chat request
     * (e.g. {@code claude-sonnet-4-5}, {@code gemini-2.5-flash}), in the provider's order.
     *
     * @throws ModelCatalogException when the provider refuses or cannot be reached
     */
    List<String> modelIds();
}
