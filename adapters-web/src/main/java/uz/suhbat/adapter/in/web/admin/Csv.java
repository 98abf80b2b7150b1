package uz.suhbat.adapter.in.web.admin;

/** One CSV field (RFC 4180), defused against spreadsheet formulas since names come from users and admins. */
final class Csv {

    private Csv() {
    }

    static String field(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
