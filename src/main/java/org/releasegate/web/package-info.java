/**
 * The browser UI's shell and its cross-module pages: the dashboard, the application page
 * and friendly error pages. Pages that show one module's data live in that module; this
 * one only reads other modules' public APIs, and no module depends on it.
 */
package org.releasegate.web;
