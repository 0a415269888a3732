package org.releasegate.audit;

/** CSV cells as RFC 4180 wants them, made safe to open in a spreadsheet. */
final class Csv {

	private Csv() {
	}

	/**
	 * Quotes a cell when it holds a comma, quote or line break, and defuses text that a
	 * spreadsheet would run as a formula (OWASP "CSV injection") by prefixing a quote.
	 */
	static String cell(String value) {
		if (value == null || value.isEmpty()) {
			return "";
		}
		String text = value;
		char first = text.charAt(0);
		if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
			text = "'" + text;
		}
		boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
				|| text.indexOf('\r') >= 0;
		return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
	}

}
