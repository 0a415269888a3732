package org.releasegate.applications;

import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of a request to create an application. */
record ApplicationRequest(
		@NotBlank @Size(max = 63) @Pattern(regexp = ApplicationName.PATTERN,
				message = "must be a lowercase DNS label (a-z, 0-9, '-')") String name,
		@Size(max = 200) String displayName, @Size(max = 50) Set<@NotBlank @Size(max = 64) String> owners) {

	/** Body of a request to update an application: its name stays. */
	record Update(@NotBlank @Size(max = 200) String displayName,
			@NotNull @Size(max = 50) Set<@NotBlank @Size(max = 64) String> owners) {
	}

}
