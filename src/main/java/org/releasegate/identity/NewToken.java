package org.releasegate.identity;

import java.util.Set;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Request for a token; roles default to all of the owner's roles. */
record NewToken(@NotBlank @Size(max = 100) String name, @Min(1) Integer expiresInDays, Set<@NotNull Role> roles) {
}
