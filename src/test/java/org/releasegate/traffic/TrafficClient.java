package org.releasegate.traffic;

import java.util.Map;

import org.releasegate.Api;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** The traffic endpoints of one application and environment, called over REST. */
record TrafficClient(RestTestClient client, String application, String environment) {

	String path(String suffix) {
		return "/api/v1/applications/" + application + "/environments/" + environment + "/" + suffix;
	}

	RestTestClient.ResponseSpec saveBinding(Map<String, Object> body) {
		return client.put().uri(path("binding")).contentType(MediaType.APPLICATION_JSON).body(body).exchange();
	}

	Map<String, Object> bind(Map<String, Object> body) {
		return saveBinding(body).expectStatus().is2xxSuccessful().expectBody(Api.JSON).returnResult().getResponseBody();
	}

	RestTestClient.ResponseSpec putSplit(Map<String, Integer> split) {
		return client.put()
			.uri(path("traffic"))
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("split", split, "reason", "test"))
			.exchange();
	}

	Map<String, Object> split(Map<String, Integer> split) {
		return putSplit(split).expectStatus().isOk().expectBody(Api.JSON).returnResult().getResponseBody();
	}

	Map<String, Object> traffic() {
		return client.get()
			.uri(path("traffic"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Api.JSON)
			.returnResult()
			.getResponseBody();
	}

	RestTestClient.ResponseSpec rollback(String reason) {
		return client.post()
			.uri(path("rollback"))
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("reason", reason))
			.exchange();
	}

	TrafficClient as(RestTestClient other) {
		return new TrafficClient(other, application, environment);
	}

}
