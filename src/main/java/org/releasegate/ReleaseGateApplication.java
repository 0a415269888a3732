package org.releasegate;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * ReleaseGate keeps deployment and release apart: recording a deployment never moves
 * traffic; releasing is a decision taken by the people who own the product.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class ReleaseGateApplication {

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(ReleaseGateApplication.class);
		application.addListeners(new DemoSwitch(), new EmbeddedPostgresStarter(), new DatabaseReachabilityCheck());
		application.run(args);
	}

}
