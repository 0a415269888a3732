package org.releasegate.identity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.BindResult;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ByteArrayResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration examples of the README's "Single sign-on" section bind, without a
 * single unknown key, to the properties the code reads.
 */
class SingleSignOnReadmeTest {

	@Test
	void everyExampleBindsToTheSingleSignOnProperties() throws IOException {
		String readme = Files.readString(Path.of("README.md"));
		String section = readme.substring(readme.indexOf("## Single sign-on"));
		section = section.substring(0, section.indexOf("\n## ", 5));
		Matcher blocks = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL).matcher(section);
		List<String> examples = new ArrayList<>();
		while (blocks.find()) {
			if (blocks.group(1).startsWith("releasegate:")) {
				examples.add(blocks.group(1));
			}
		}
		assertThat(examples).as("Keycloak, Entra ID, GitHub Actions").hasSize(3);
		int oidc = 0;
		int workload = 0;
		for (String example : examples) {
			Binder binder = binder(example);
			BindResult<SingleSignOnProperties> people = binder.bind("releasegate.identity.oidc",
					Bindable.of(SingleSignOnProperties.class), new NoUnboundElementsBindHandler(BindHandler.DEFAULT));
			BindResult<WorkloadProperties> pipelines = binder.bind("releasegate.identity.workload",
					Bindable.of(WorkloadProperties.class), new NoUnboundElementsBindHandler(BindHandler.DEFAULT));
			if (people.isBound()) {
				oidc++;
				assertThat(people.get().enabled()).isTrue();
				assertThat(people.get().groups()).isNotEmpty()
					.allSatisfy(group -> assertThat(group.role()).isNotNull());
			}
			if (pipelines.isBound()) {
				workload++;
				assertThat(pipelines.get().issuers()).singleElement()
					.satisfies(issuer -> assertThat(issuer.identities()).isNotEmpty());
			}
		}
		assertThat(oidc).isEqualTo(2);
		assertThat(workload).isEqualTo(1);
	}

	private static Binder binder(String yaml) throws IOException {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
		environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
		for (PropertySource<?> source : new YamlPropertySourceLoader().load("example",
				new ByteArrayResource(yaml.getBytes()))) {
			environment.getPropertySources().addLast(source);
		}
		return new Binder(ConfigurationPropertySources.get(environment));
	}

}
