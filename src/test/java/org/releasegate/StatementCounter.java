package org.releasegate;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.Set;
import java.util.concurrent.Callable;

import javax.sql.DataSource;

import org.aopalliance.intercept.MethodInterceptor;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;

/**
 * Counts the SQL statements that the current thread sends while it runs a piece of code,
 * so a test can hold a page to a fixed number of queries. The data source keeps its type
 * (a class proxy of the pool), and nothing is counted outside {@link #count}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class StatementCounter implements BeanPostProcessor {

	private static final Set<String> STATEMENTS = Set.of("prepareStatement", "createStatement", "prepareCall");

	private static final ThreadLocal<int[]> counting = new ThreadLocal<>();

	/** What the code returned and how many statements it sent. */
	public record Counted<T>(T result, int statements) {
	}

	public static <T> Counted<T> count(Callable<T> code) throws Exception {
		int[] count = new int[1];
		counting.set(count);
		try {
			T result = code.call();
			return new Counted<>(result, count[0]);
		}
		finally {
			counting.remove();
		}
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (!(bean instanceof DataSource)) {
			return bean;
		}
		ProxyFactory factory = new ProxyFactory(bean);
		factory.setProxyTargetClass(true);
		factory.addAdvice((MethodInterceptor) invocation -> {
			Object result = invocation.proceed();
			return result instanceof Connection connection ? counted(connection) : result;
		});
		return factory.getProxy(bean.getClass().getClassLoader());
	}

	private static Connection counted(Connection connection) {
		return (Connection) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(),
				new Class<?>[] { Connection.class }, (proxy, method, args) -> {
					int[] count = counting.get();
					if (count != null && STATEMENTS.contains(method.getName())) {
						count[0]++;
					}
					try {
						return method.invoke(connection, args);
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
				});
	}

}
