package org.releasegate.releases;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps a policy's rules as one JSON document: they are always read and written whole.
 */
@Converter
class PolicyRulesConverter implements AttributeConverter<PolicyRules, String> {

	private static final JsonMapper JSON = JsonMapper.builder()
		.disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
		.disable(DateTimeFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
		.build();

	@Override
	public String convertToDatabaseColumn(PolicyRules rules) {
		return JSON.writeValueAsString(rules);
	}

	@Override
	public PolicyRules convertToEntityAttribute(String json) {
		return JSON.readValue(json, PolicyRules.class);
	}

}
