package com.tencent.bk.partner.startup;

import static org.assertj.core.api.Assertions.assertThat;

import com.tencent.bk.partner.support.IntegrationTest;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The running service's engine was built on the SQL mappings parsed while Spring started. */
@IntegrationTest
class EngineMappingsInServiceTest {

    @Autowired
    EngineMappings inAdvance;
    @Autowired
    ProcessEngineConfigurationImpl engine;

    @Test
    void theEngineTookTheMappingsParsedInAdvance() {
        assertThat(engine).isInstanceOf(EngineConfiguration.class);
        assertThat(inAdvance.taken()).isTrue();
        assertThat(engine.getSqlSessionFactory().getConfiguration().getEnvironment().getDataSource())
                .isSameAs(engine.getDataSource());
    }
}
