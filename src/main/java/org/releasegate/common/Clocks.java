package org.releasegate.common;

import java.time.Clock;
import java.time.Duration;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One clock for the whole service, so tests can move time instead of waiting for it. */
@Configuration(proxyBeanMethods = false)
class Clocks {

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		// PostgreSQL keeps microseconds: a clock that ticks in them reads back exactly
		// what it wrote
		return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1000));
	}

}
