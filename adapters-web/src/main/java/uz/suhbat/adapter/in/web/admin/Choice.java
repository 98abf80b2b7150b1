package uz.suhbat.adapter.in.web.admin;

/** One option of a select on an admin page: its value, the bundle key of its label, and whether it is chosen. */
record Choice(String value, String label, boolean selected) {
}
