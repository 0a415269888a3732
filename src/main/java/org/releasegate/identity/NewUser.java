package org.releasegate.identity;

import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Request to create a person. */
record NewUser(@NotBlank @Size(max = 64) @Pattern(regexp = "[a-z0-9][a-z0-9._-]*",
		message = "lowercase letters, digits, '.', '_' and '-', starting with a letter or digit") String username,
		@NotBlank @Size(min = 12, max = 128, message = "must be 12 to 128 characters") String password,
		@NotBlank @Size(max = 200) String displayName, @NotNull @NotEmpty Set<@NotNull Role> roles) {
}
