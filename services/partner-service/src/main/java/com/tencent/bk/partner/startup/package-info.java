/**
 * How the service starts: what running on Spring's ahead-of-time processed bean definitions
 * ({@code -Dspring.aot.enabled=true}, the image's default) needs beyond Spring Boot's own support
 * (docs/operations.md#quicker-starts-spring-aot), and the engine's SQL mappings parsed on a second thread while Spring
 * starts ({@link com.tencent.bk.partner.startup.EngineMappings}, docs/benchmarks.md).
 */
package com.tencent.bk.partner.startup;
