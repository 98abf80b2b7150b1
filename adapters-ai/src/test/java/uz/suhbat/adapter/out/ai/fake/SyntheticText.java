package uz.suhbat.adapter.out.ai.fake;

import java.util.Random;

/**
 * Deterministic filler prose for volume tests: English and Uzbek words drawn with a Zipf-like skew
 * (a few words very common, most rare, as in real text), sentences of 8 to 20 words, some numbers.
 */
public final class SyntheticText {

    private static final String[] WORDS = (
            "the of and to in a is that for it as was with be by on not he this are or his from at which but have an they "
            + "company report drone farm field water harvest battery factory engineer price market export region service "
            + "customer season crop soil weather sensor flight map data model system quality team project plan budget "
            + "va bilan uchun bu ham yil kompaniya dala suv hosil zavod muhandis narx bozor eksport viloyat xizmat mijoz "
            + "mavsum ekin tuproq ob-havo sensor parvoz xarita maʼlumot tizim sifat jamoa loyiha reja byudjet oʻquv gʻalla "
            + "Toshkent Samarqand Buxoro Navoiy Farg'ona Xiva Nukus Termiz Andijon Namangan Qarshi Jizzax Guliston "
            + "Karimova Xolmatov Rasulov Yusupova Alimov Saidova Ergashev Tursunova Nazarov Qodirova").split(" ");

    private final Random random;

    public SyntheticText(long seed) {
        this.random = new Random(seed);
    }

    public String words(int count) {
        StringBuilder text = new StringBuilder();
        int sentence = 0;
        int sentenceLength = 8 + random.nextInt(13);
        for (int i = 0; i < count; i++) {
            String word = random.nextInt(25) == 0 ? Integer.toString(random.nextInt(100_000)) : word();
            text.append(sentence == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word);
            if (++sentence == sentenceLength || i == count - 1) {
                text.append(". ");
                sentence = 0;
                sentenceLength = 8 + random.nextInt(13);
            } else {
                text.append(' ');
            }
        }
        return text.toString().strip();
    }

    /** Zipf-like: index ~ n^(u²) favours the head of the list without a precomputed table. */
    private String word() {
        double u = random.nextDouble();
        int index = (int) Math.pow(WORDS.length, u * u) - 1;
        return WORDS[Math.min(WORDS.length - 1, index)];
    }
}
