package org.releasegate.releases;

import java.util.List;
import java.util.Map;

import org.releasegate.Api;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Short REST calls for the release tests: a status and a JSON body, nothing asserted. */
final class Calls {

	private Calls() {
	}

	record Reply(int status, Map<String, Object> body) {

		Object get(String key) {
			return body.get(key);
		}

		@SuppressWarnings("unchecked")
		List<Map<String, Object>> list(String key) {
			return (List<Map<String, Object>>) body.get(key);
		}

		Map<String, Object> item(String key) {
			return list("checklist").stream().filter(i -> key.equals(i.get("key"))).findFirst().orElseThrow();
		}

		String field() {
			return (String) list("errors").get(0).get("field");
		}

		@Override
		public String toString() {
			return status + " " + body;
		}

	}

	static Reply post(RestTestClient client, String uri, Object body, Object... vars) {
		RestTestClient.RequestBodySpec spec = client.post().uri(uri, vars).contentType(MediaType.APPLICATION_JSON);
		return reply(body == null ? spec.exchange().returnResult(Api.JSON)
				: spec.body(body).exchange().returnResult(Api.JSON));
	}

	static Reply put(RestTestClient client, String uri, Object body, Object... vars) {
		return reply(client.put()
			.uri(uri, vars)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange()
			.returnResult(Api.JSON));
	}

	static Reply get(RestTestClient client, String uri, Object... vars) {
		return reply(client.get().uri(uri, vars).exchange().returnResult(Api.JSON));
	}

	private static Reply reply(EntityExchangeResult<Map<String, Object>> result) {
		return new Reply(result.getStatus().value(), result.getResponseBody());
	}

}
