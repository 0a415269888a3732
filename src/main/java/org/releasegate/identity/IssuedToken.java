package org.releasegate.identity;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** A token just issued: the only time its secret is ever shown. */
record IssuedToken(@JsonUnwrapped TokenView details, String token) {
}
