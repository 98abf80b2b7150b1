package uz.suhbat.adapter.out.ai;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import uz.suhbat.application.port.out.knowledge.EmbeddingPort.Tuning;
import uz.suhbat.domain.knowledge.Language;
import uz.suhbat.domain.knowledge.UzbekText;

/**
 * Measures an embedding model's similarity floor per language: the mean cosine it gives a question
 * and a passage that have nothing to do with each other. Scores count similarity from there (see
 * {@link Tuning}), so {@code KNOWLEDGE_MIN_SCORE} means the same whichever embedding kind a model uses.
 *
 * <p>The probe is eight questions and eight passages per language on eight unrelated subjects; every
 * question is compared with the seven passages on other subjects (56 pairs) and the mean is rounded
 * down to 0.05, as the shipped MiniLM floors were. Run against MiniLM the probe gives 0.00 English,
 * 0.35 Uzbek, 0.55 Russian, against 0.15, 0.40 and 0.50 measured on the evaluation set (there a
 * question met the other passages of its own document, here passages on other subjects; OnnxEmbeddingsTest).
 */
final class SimilarityCalibration {

    /** Passage sizes that suit any of the offered models: MiniLM reads the fewest word pieces. */
    static final int CHUNK_WORDS = 140, OVERLAP_WORDS = 25, CHUNK_CHARS = 900;
    /**
     * The keyword weight for a model not calibrated on the evaluation set: vectors and keywords nearly
     * alike, keywords a little less (multilingual models understand Uzbek and Russian, unlike MiniLM).
     */
    static final double UNMEASURED_KEYWORD_WEIGHT = 0.4;

    private static final Map<Language, List<String>> QUESTIONS = Map.of(
            Language.ENGLISH, List.of(
                    "When does the train to the airport leave?", "How much flour goes into bread dough?",
                    "Who won the football match yesterday?", "What is the boiling point of water in the mountains?",
                    "How do I reset my router password?", "Which vitamins are found in oranges?",
                    "How long is the warranty on the washing machine?", "What is the capital city of Australia?"),
            Language.UZBEK, List.of(
                    "Aeroportga poyezd qachon jo'naydi?", "Non xamiriga qancha un solinadi?",
                    "Kecha futbol o'yinida kim g'alaba qozondi?", "Tog'da suv necha darajada qaynaydi?",
                    "Routerning parolini qanday tiklayman?", "Apelsinda qaysi vitaminlar bor?",
                    "Kir yuvish mashinasining kafolati qancha muddat?", "Avstraliyaning poytaxti qaysi shahar?"),
            Language.RUSSIAN, List.of(
                    "Когда отправляется поезд в аэропорт?", "Сколько муки нужно для теста на хлеб?",
                    "Кто выиграл вчерашний футбольный матч?", "При какой температуре кипит вода в горах?",
                    "Как сбросить пароль от роутера?", "Какие витамины есть в апельсинах?",
                    "Какой срок гарантии на стиральную машину?", "Какой город является столицей Австралии?"));

    private static final Map<Language, List<String>> PASSAGES = Map.of(
            Language.ENGLISH, List.of(
                    "Trains to the airport depart every twenty minutes from platform four between five in the morning and midnight.",
                    "Mix five hundred grams of flour with water, salt and yeast, then knead the dough for ten minutes.",
                    "The home team won the match two goals to one after a late penalty in the second half.",
                    "At high altitude the air pressure is lower, so water boils at a lower temperature than at sea level.",
                    "Hold the reset button on the back of the router for ten seconds to restore the factory password.",
                    "Oranges are rich in vitamin C and also contain folate and small amounts of vitamin A.",
                    "The manufacturer guarantees the washing machine for two years from the date of purchase.",
                    "Canberra was chosen as the capital as a compromise between Sydney and Melbourne."),
            Language.UZBEK, List.of(
                    "Aeroportga poyezdlar har yigirma daqiqada to'rtinchi platformadan ertalab beshdan yarim tungacha jo'naydi.",
                    "Besh yuz gramm unni suv, tuz va xamirturush bilan aralashtirib, xamirni o'n daqiqa qoring.",
                    "Mezbon jamoa ikkinchi bo'limdagi penaltidan so'ng o'yinni ikki-bir hisobida yutdi.",
                    "Baland tog'da havo bosimi past bo'ladi, shuning uchun suv dengiz sathidagidan pastroq haroratda qaynaydi.",
                    "Zavod parolini tiklash uchun routerning orqasidagi tugmani o'n soniya bosib turing.",
                    "Apelsin C vitaminiga boy, unda foliy kislotasi va oz miqdorda A vitamini ham bor.",
                    "Ishlab chiqaruvchi kir yuvish mashinasiga sotib olingan kundan boshlab ikki yil kafolat beradi.",
                    "Kanberra Sidney va Melburn o'rtasidagi murosa sifatida poytaxt etib tanlangan."),
            Language.RUSSIAN, List.of(
                    "Поезда в аэропорт отправляются каждые двадцать минут с четвёртой платформы с пяти утра до полуночи.",
                    "Смешайте пятьсот граммов муки с водой, солью и дрожжами и месите тесто десять минут.",
                    "Хозяева поля выиграли матч со счётом два один после позднего пенальти во втором тайме.",
                    "В горах давление воздуха ниже, поэтому вода кипит при более низкой температуре, чем на уровне моря.",
                    "Чтобы вернуть заводской пароль, удерживайте кнопку сброса на задней панели роутера десять секунд.",
                    "Апельсины богаты витамином C, в них также есть фолиевая кислота и немного витамина A.",
                    "Производитель даёт на стиральную машину гарантию два года с даты покупки.",
                    "Канберру выбрали столицей как компромисс между Сиднеем и Мельбурном."));

    private SimilarityCalibration() {
    }

    /** The floors of the model behind {@code embedAll}, with the passage sizes and the unmeasured keyword weight. */
    static Tuning calibrate(Function<List<String>, List<float[]>> embedAll) {
        Map<Language, Double> floors = new EnumMap<>(Language.class);
        Map<Language, Double> weights = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            floors.put(language, floor(embedAll, QUESTIONS.get(language), PASSAGES.get(language)));
            weights.put(language, UNMEASURED_KEYWORD_WEIGHT);
        }
        return new Tuning(CHUNK_WORDS, OVERLAP_WORDS, CHUNK_CHARS, weights, floors);
    }

    /** The mean cosine of each question with the passages on other subjects, rounded down to 0.05, within [0, 0.9]. */
    static double floor(Function<List<String>, List<float[]>> embedAll, List<String> questions, List<String> passages) {
        List<String> texts = new ArrayList<>();
        questions.forEach(q -> texts.add(UzbekText.normalize(q)));
        texts.addAll(passages);
        List<float[]> vectors = embedAll.apply(texts);
        double sum = 0;
        int pairs = 0;
        for (int q = 0; q < questions.size(); q++) {
            for (int p = 0; p < passages.size(); p++) {
                if (p != q) {
                    sum += cosine(vectors.get(q), vectors.get(questions.size() + p));
                    pairs++;
                }
            }
        }
        double mean = sum / pairs;
        return Math.max(0, Math.min(0.9, Math.floor(mean * 20) / 20));
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }
}
