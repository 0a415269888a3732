/**
 * Sample data for trying ReleaseGate ({@code --demo}): people, applications, deployments,
 * a pull binding and releases, made through the service's own REST API as a person would,
 * so that it depends on nothing but that API.
 */
package org.releasegate.demo;
