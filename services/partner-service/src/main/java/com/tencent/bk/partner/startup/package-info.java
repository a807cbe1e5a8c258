/**
 * How the service starts: what running on Spring's ahead-of-time processed bean definitions
 * ({@code -Dspring.aot.enabled=true}, the image's default) needs beyond Spring Boot's own support.
 * docs/operations.md#quicker-starts-spring-aot.
 */
package com.tencent.bk.partner.startup;
