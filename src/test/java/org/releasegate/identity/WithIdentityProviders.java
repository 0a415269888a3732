package org.releasegate.identity;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.releasegate.FullStackTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The full stack configured with the {@link TestIdentityProviders}: one application
 * context shared by all single sign-on and workload identity tests.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@FullStackTest
@ContextConfiguration(initializers = TestIdentityProviders.class)
public @interface WithIdentityProviders {

}
