package org.releasegate.deployments;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of a request to record a deployment. */
record RecordDeployment(@NotBlank @Size(max = 63) String application,
		@NotBlank @Size(max = 63) @Pattern(regexp = "[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?",
				message = "must be a lowercase DNS label (a-z, 0-9, '-')") String environment,
		@NotBlank @Size(max = 128) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._+-]*",
				message = "letters, digits, '.', '_', '+' and '-'") String version,
		@Size(max = 512) String artifact, @Size(max = 64) String commit, @Size(max = 1024) String pipelineUrl,
		@NotBlank @Size(max = 512) String endpoint) {
}
