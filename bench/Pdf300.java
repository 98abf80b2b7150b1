import java.io.File;
import java.util.Random;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Writes a PDF of PAGES pages (default 300), about 380 words a page of English and Uzbek (Latin, plain ASCII
 * apostrophes: a standard font) words, for bench/memory.sh's launched-model measurement.
 *   java -cp pdfbox jars bench/Pdf300.java out.pdf [pages]
 */
public class Pdf300 {
    private static final String[] WORDS = ("the of and to in a is that for it as was with be by on not this are or from at which "
            + "company report drone farm field water harvest battery factory engineer price market export region service "
            + "customer season crop soil weather sensor flight map data model system quality team project plan budget "
            + "va bilan uchun bu ham yil kompaniya dala suv hosil zavod muhandis narx bozor eksport viloyat xizmat mijoz "
            + "mavsum ekin tuproq sensor parvoz xarita ma'lumot tizim sifat jamoa loyiha reja byudjet o'quv g'alla "
            + "Toshkent Samarqand Buxoro Navoiy Farg'ona Xiva Nukus Termiz Andijon Namangan Qarshi Jizzax").split(" ");

    public static void main(String[] args) throws Exception {
        int pages = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        Random random = new Random(1);
        PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        try (PDDocument document = new PDDocument()) {
            for (int p = 0; p < pages; p++) {
                PDPage page = new PDPage();
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.beginText();
                    content.setFont(font, 9);
                    content.setLeading(11);
                    content.newLineAtOffset(40, 750);
                    for (int line = 0; line < 38; line++) {
                        StringBuilder text = new StringBuilder();
                        for (int w = 0; w < 10; w++) {
                            double u = random.nextDouble();
                            text.append(random.nextInt(25) == 0 ? Integer.toString(random.nextInt(100_000))
                                    : WORDS[Math.min(WORDS.length - 1, (int) Math.pow(WORDS.length, u * u) - 1)]).append(' ');
                        }
                        content.showText(text.toString().strip());
                        content.newLine();
                    }
                    content.endText();
                }
            }
            document.save(new File(args[0]));
        }
    }
}
