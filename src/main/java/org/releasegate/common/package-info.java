/**
 * Shared building blocks every module may use: error types that map to problem details,
 * keyset cursors and slices.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package org.releasegate.common;

import org.springframework.modulith.ApplicationModule;
