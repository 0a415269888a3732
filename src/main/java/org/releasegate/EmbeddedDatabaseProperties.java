package org.releasegate;

import java.nio.file.Path;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the embedded PostgreSQL keeps its data and which port it listens on (0: any free
 * port); used only when no database URL is set.
 */
record EmbeddedDatabaseProperties(@DefaultValue("./data/postgres") Path directory, @DefaultValue("0") int port) {
}
