package com.tencent.bk.partner.startupbaseline;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * What a Spring Boot application with the Camunda 7 starter, its webapps and REST API costs to start, with
 * nothing of the partner service: the bench starts it like the service and reports the service's startup as a
 * ratio to this one's (docs/benchmarks.md).
 */
@SpringBootApplication
public class StartupBaseline {

    public static void main(String[] args) {
        SpringApplication.run(StartupBaseline.class, args);
    }
}
