package org.releasegate.audit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;
import org.releasegate.Api;
import org.releasegate.FullStackTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

@FullStackTest
class AuditExportIT {

	@Autowired
	Api api;

	@Autowired
	AuditLog audit;

	@Autowired
	JsonMapper json;

	@Test
	void csvHoldsExactlyTheFilteredEventsEscapedAndDefused() {
		String app = api.application();
		String other = api.application();
		api.deployment(app, "production", "1.0.0", "v100");
		api.deployment(app, "staging", "1.0.0", "v100");
		api.deployment(other, "production", "1.0.0", "v100");
		audit.record(AuditEntry.of("test.awkward", "thing", "=HYPERLINK(\"http://evil\")")
			.in(app, "production")
			.after(Map.of("note", "a, \"quoted\"\nsecond line")), Actor.SYSTEM);

		List<Object> expected = ids("/api/v1/audit?application={app}&environment=production&limit=500", app);
		assertThat(expected).hasSize(2);

		String csv = api.person("AUDITOR")
			.client()
			.get()
			.uri("/api/v1/audit/export?format=csv&application={app}&environment=production", app)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.parseMediaType("text/csv"))
			.expectHeader()
			.valueMatches(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-events.csv\"")
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		List<List<String>> rows = StrictCsv.parse(csv);
		assertThat(rows.get(0)).containsExactly(AuditExport.COLUMNS);
		List<List<String>> events = rows.subList(1, rows.size());
		// oldest first, the same events the listing shows (newest first)
		assertThat(events.stream().map(row -> (Object) Long.parseLong(row.get(0))).toList())
			.containsExactlyElementsOf(oldestFirst(expected));
		assertThat(events).allSatisfy(row -> {
			assertThat(row).hasSize(AuditExport.COLUMNS.length);
			assertThat(row.get(7)).isEqualTo(app);
			assertThat(row.get(8)).isEqualTo("production");
		});
		List<String> awkward = events.get(events.size() - 1);
		assertThat(awkward.get(6)).isEqualTo("'=HYPERLINK(\"http://evil\")");
		assertThat(json.readTree(awkward.get(10)).get("note").asString()).isEqualTo("a, \"quoted\"\nsecond line");
	}

	@Test
	void jsonLinesParseOneEventPerLine() {
		String app = api.application();
		api.deployment(app, "production", "1.0.0", "v100");
		api.deployment(app, "production", "1.0.1", "v101");
		byte[] body = api.admin()
			.get()
			.uri("/api/v1/audit/export?format=jsonl&application={app}&action=deployment.recorded", app)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
		String[] lines = new String(body, StandardCharsets.UTF_8).split("\n");
		assertThat(lines).hasSize(2);
		List<String> versions = new ArrayList<>();
		for (String line : lines) {
			JsonNode event = json.readTree(line);
			assertThat(event.get("application").asString()).isEqualTo(app);
			assertThat(event.get("action").asString()).isEqualTo("deployment.recorded");
			versions.add(event.get("after").get("version").asString());
		}
		assertThat(versions).containsExactly("1.0.0", "1.0.1");
	}

	@Test
	void onlyAuditorsManagersAndAdminsMayExport() {
		api.person("ENGINEER").client().get().uri("/api/v1/audit/export").exchange().expectStatus().isForbidden();
		api.anonymous().get().uri("/api/v1/audit/export").exchange().expectStatus().isUnauthorized();
		api.admin().get().uri("/api/v1/audit/export?format=xml").exchange().expectStatus().isBadRequest();
		// the browser route needs a signed-in session
		api.anonymous().get().uri("/audit/export").exchange().expectStatus().is3xxRedirection();
	}

	private List<Object> ids(String uri, Object... variables) {
		Map<String, Object> page = api.admin()
			.get()
			.uri(uri, variables)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Api.JSON)
			.returnResult()
			.getResponseBody();
		return ((List<?>) page.get("items")).stream()
			.map(item -> (Object) ((Number) ((Map<?, ?>) item).get("id")).longValue())
			.toList();
	}

	private static List<Object> oldestFirst(List<Object> newestFirst) {
		List<Object> copy = new ArrayList<>(newestFirst);
		java.util.Collections.reverse(copy);
		return copy;
	}

}
