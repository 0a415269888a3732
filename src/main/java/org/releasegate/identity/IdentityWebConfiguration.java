package org.releasegate.identity;

import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Checks that run before a handler reads its arguments: roles first, then parameter
 * bounds.
 */
@Configuration(proxyBeanMethods = false)
class IdentityWebConfiguration implements WebMvcConfigurer {

	private final ApplicationContext context;

	IdentityWebConfiguration(ApplicationContext context) {
		this.context = context;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new EarlyAuthorization(context));
		registry.addInterceptor(new ParameterBounds());
	}

}
