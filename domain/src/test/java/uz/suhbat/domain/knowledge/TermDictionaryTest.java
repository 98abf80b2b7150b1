package uz.suhbat.domain.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The keyword index's terms in one sorted byte array: ids, prefixes and endings as a map of Strings gave them. */
class TermDictionaryTest {

    private final List<String> terms = List.of("вступа", "torgovl", "вступ", "rabotorgovl", "kitob", "kitoblar", "kitobxon",
            "торговл", "работорговл", "oʻzbek", "12345", "a");
    private final int[] ids = new int[terms.size()];
    private final TermDictionary dictionary = TermDictionary.of(terms, ids);

    @Test
    void everyTermHasItsIdAndAbsentOnesHaveNone() {
        for (int i = 0; i < terms.size(); i++) {
            assertThat(dictionary.id(terms.get(i))).isEqualTo(ids[i]);
            assertThat(dictionary.term(ids[i])).isEqualTo(terms.get(i));
        }
        assertThat(dictionary.id("kito")).isEqualTo(-1);
        assertThat(dictionary.id("zzz")).isEqualTo(-1);
        assertThat(dictionary.id("")).isEqualTo(-1);
        assertThat(dictionary.size()).isEqualTo(terms.size());
    }

    @Test
    void idsFollowTheTermsCodePointOrder() {
        String[] sorted = terms.toArray(String[]::new);
        Arrays.sort(sorted);
        for (int id = 0; id < sorted.length; id++) {
            assertThat(dictionary.term(id)).isEqualTo(sorted[id]);
        }
    }

    @Test
    void findsTheLongerTermsAPrefixStartsAndTheTermsAStemEnds() {
        assertThat(names(dictionary.longer("kitob", 16, id -> true))).containsExactly("kitoblar", "kitobxon");
        assertThat(names(dictionary.longer("kitob", 1, id -> true))).containsExactly("kitoblar");
        assertThat(names(dictionary.longer("kitob", 16, id -> !dictionary.term(id).equals("kitoblar")))).containsExactly("kitobxon");
        assertThat(names(dictionary.longer("вступ", 16, id -> true))).containsExactly("вступа");
        assertThat(names(dictionary.longer("kitobxona", 16, id -> true))).isEmpty();

        assertThat(names(dictionary.endingWith("торговл", 16))).containsExactly("работорговл");
        assertThat(names(dictionary.endingWith("torgovl", 16))).containsExactly("rabotorgovl");
        assertThat(names(dictionary.endingWith("orgovl", 16))).containsExactlyInAnyOrder("torgovl", "rabotorgovl");
        assertThat(names(dictionary.endingWith("xon", 16))).containsExactly("kitobxon");
    }

    @Test
    void holdsTheTermsBytesAndThreeIntsATermAtMost() {
        long utf8 = terms.stream().mapToLong(t -> t.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).sum();
        assertThat(dictionary.bytes()).isEqualTo(utf8 + 4L * (terms.size() + 1) + 4L * terms.size());
    }

    private List<String> names(int[] found) {
        return Arrays.stream(found).mapToObj(dictionary::term).toList();
    }
}
