package com.tencent.bk.partner.bench;

/** One running instance of the service under test: its process and its HTTP side. */
record ServiceInstance(ServiceProcess process, ServiceApi api) {
}
