package org.releasegate.audit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CsvTest {

	@Test
	void plainTextStaysAsItIs() {
		assertThat(Csv.cell("deployment.recorded")).isEqualTo("deployment.recorded");
		assertThat(Csv.cell(null)).isEmpty();
	}

	@Test
	void commasQuotesAndLineBreaksAreQuoted() {
		assertThat(Csv.cell("a,b")).isEqualTo("\"a,b\"");
		assertThat(Csv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
		assertThat(Csv.cell("one\ntwo")).isEqualTo("\"one\ntwo\"");
	}

	@Test
	void formulasAreDefused() {
		assertThat(Csv.cell("=1+1")).isEqualTo("'=1+1");
		assertThat(Csv.cell("+cmd")).isEqualTo("'+cmd");
		assertThat(Csv.cell("-2")).isEqualTo("'-2");
		assertThat(Csv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
		assertThat(Csv.cell("=HYPERLINK(\"x\",\"y\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"");
	}

}
