package com.tencent.bk.partner.startup;

import java.util.List;
import org.camunda.bpm.engine.impl.cfg.CompositeProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.spring.boot.starter.util.CamundaSpringBootUtil;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine's configuration bean, in place of the Camunda starter's (which steps back for any bean of this type):
 * made as the starter makes it, with every plugin, but as an {@link EngineConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
class EngineConfigurationBean {

    @Bean
    ProcessEngineConfigurationImpl processEngineConfigurationImpl(List<ProcessEnginePlugin> plugins,
            ObjectProvider<EngineMappings> inAdvance) {
        EngineConfiguration configuration = new EngineConfiguration(inAdvance.getIfAvailable());
        CamundaSpringBootUtil.initCustomFields(configuration);
        configuration.getProcessEnginePlugins().add(new CompositeProcessEnginePlugin(plugins));
        return configuration;
    }
}
