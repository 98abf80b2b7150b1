package uz.suhbat.adapter.out.ai.fake;

import java.util.ArrayList;
import java.util.List;

/**
 * A 15-page company report with known facts on known pages, in English, Uzbek Latin and Uzbek
 * Cyrillic, padded with topical text that answers nothing. The document writes oʻ and gʻ with
 * U+02BB and the tutuq belgisi with U+02BC; the questions use ' ‘ and ` instead, as people type them.
 */
public final class FactsDocument {

    public record Question(String text, int page) {
    }

    private static final String[] FACTS = {
        "Registan Robotics — Annual Report 2023. This report describes the products, the people and the plans of the "
                + "company, from agricultural drones to the training centre and the new factory.",
        "Registan Robotics was founded in 2011 by Dilnoza Karimova, an engineer from Samarkand, with a bank loan of "
                + "40,000 dollars and three colleagues from the university.",
        "At the end of 2023 the company employed 1,482 people, of whom 37 percent were women.",
        "Revenue in 2022 reached 214 million US dollars, up from 158 million dollars a year earlier.",
        "The AX-7 agricultural drone carries a warranty of 36 months; its batteries are covered for 18 months.",
        "Kompaniyaning bosh ofisi Toshkent shahridagi Amir Temur koʻchasi 108-uyda joylashgan. Ofisda 300 dan ortiq "
                + "xodim ishlaydi.",
        "Navoiy viloyatidagi yangi zavod 2019-yil 14-sentabrda ochildi. Zavod yiliga 12 ming dron ishlab chiqaradi.",
        "Kompaniyaning oʻquv markazida har yili 640 nafar talaba taʼlim oladi. Oʻqish bepul, talabalarga stipendiya "
                + "ham beriladi.",
        "Outlook: the board expects sales between 250 and 270 million dollars in 2026 if the export markets keep "
                + "growing as planned.",
        "Jasur Xolmatov leads the battery research laboratory in Chirchiq, where his team of 45 chemists develops "
                + "solid-state cells for the next drone generation.",
        "Dronlar yordamida gʻalla hosildorligi 18 foizga oshdi, suv sarfi esa 30 foizga kamaydi.",
        "Компания маҳсулотлари Қозоғистон, Қирғизистон ва Тожикистонга экспорт қилинади. Экспорт улуши 22 фоизни "
                + "ташкил этади.",
        "Part number FX-2291 is the replacement rotor blade for the AX-7 drone; it is sold in packs of four.",
        "Har bir xodimga yiliga 24 kunlik mehnat taʼtili beriladi. Taʼtil pulini kompaniya toʻliq toʻlaydi.",
        "Glossary and contacts: this page lists the abbreviations used in the report and the addresses of the "
                + "regional representatives.",
    };

    private static final String[] PADDING = {
        "The company believes that careful engineering and honest service build trust with farmers.",
        "Teams meet every Monday to review the progress of their projects and to plan the week ahead.",
        "Customers can reach the service desk by phone or through the website during working hours.",
        "Quality control checks every unit before it leaves the assembly line.",
        "The design office works closely with agronomists to understand the needs of each region.",
        "Loyiha jamoalari har hafta yigʻilib, ishlar rejasini muhokama qiladi.",
        "Mijozlar bilan ishlashda sifat va ishonch eng muhim qadriyatlar hisoblanadi.",
        "Software updates are delivered over the air and installed when the device is idle.",
        "Sustainability reports are prepared together with independent auditors.",
        "Hamkorlar bilan uzoq muddatli shartnomalar tuzilgan.",
        "The logistics department coordinates deliveries to distributors across Central Asia.",
        "Internal audits review safety procedures in every workshop twice a year.",
    };

    private FactsDocument() {
    }

    public static List<String> pages() {
        List<String> pages = new ArrayList<>();
        for (int i = 0; i < FACTS.length; i++) {
            StringBuilder page = new StringBuilder();
            for (int p = 0; p < 6; p++) {
                page.append(PADDING[(i * 5 + p) % PADDING.length]).append(' ');
            }
            page.append("\n\n").append(FACTS[i]).append("\n\n");
            for (int p = 6; p < 12; p++) {
                page.append(PADDING[(i * 5 + p) % PADDING.length]).append(' ');
            }
            pages.add(page.toString().strip());
        }
        return pages;
    }

    public static List<Question> questions() {
        return List.of(
                new Question("Who founded Registan Robotics?", 2),
                new Question("How many people did the company employ at the end of 2023?", 3),
                new Question("What was the revenue in 2022?", 4),
                new Question("How long is the warranty on the AX-7 drone?", 5),
                new Question("Kompaniyaning bosh ofisi qayerda joylashgan?", 6),
                new Question("Navoiydagi zavod qachon ochilgan?", 7),
                new Question("O‘quv markazida har yili nechta talaba o‘qiydi?", 8),
                new Question("What does Jasur Xolmatov do?", 10),
                new Question("G'alla hosildorligi necha foizga oshdi?", 11),
                new Question("Маҳсулотлар қайси давлатларга экспорт қилинади?", 12),
                new Question("What is part FX-2291?", 13),
                new Question("Xodimlarga necha kunlik ta`til beriladi?", 14));
    }
}
