/**
 * What operators watch: gauges of the programme (partners by type, level and status, partners at risk, the
 * outbox backlog) for Prometheus, and a health check of the Kafka broker beside the database's.
 */
package com.tencent.bk.partner.monitoring;
