package org.releasegate.identity;

import org.releasegate.common.PublicUrl;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The service's real security rules for web slice tests, without the token store behind
 * them: use with {@code @WithMockUser}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Import({ SecurityConfiguration.class, SingleSignOnConfiguration.class })
@EnableConfigurationProperties({ PublicUrl.class, SingleSignOnProperties.class, WorkloadProperties.class })
@MockitoBean(
		types = { TokenService.class, TokenCache.class, ProviderAccounts.class, Users.class, SignInThrottle.class })
public @interface WithApiSecurity {

}
