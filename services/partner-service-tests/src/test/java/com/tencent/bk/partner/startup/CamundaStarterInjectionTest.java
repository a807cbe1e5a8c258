package com.tencent.bk.partner.startup;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.annotation.PostConstruct;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.support.GenericApplicationContext;

/**
 * A context as AOT mode builds it: definitions with instance suppliers and no annotation post-processors. The
 * starter's way of declaring a bean (an interface as the type, a class with {@code @Autowired} fields and a
 * {@code @PostConstruct} method as the instance) is injected once; everything else is left to the generated code.
 */
class CamundaStarterInjectionTest {

    private static final String HERE = CamundaStarterInjectionTest.class.getName();

    interface StarterConfiguration {
    }

    static class Properties {
    }

    static class DefaultStarterConfiguration implements StarterConfiguration {
        @Autowired
        Properties properties;
        int initialised;

        @PostConstruct
        void init() {
            initialised++;
        }
    }

    @Test
    void aBeanDeclaredAsAnInterfaceGetsItsFieldsAndItsInitMethodOnce() {
        DefaultStarterConfiguration bean = start(true, HERE, StarterConfiguration.class, null);
        assertThat(bean.properties).isNotNull();
        assertThat(bean.initialised).isEqualTo(1);
    }

    @Test
    void aBeanWhoseClassTheGeneratedCodeSawIsLeftToIt() {
        // the generated definition names the class, injects it and registers its init method itself
        DefaultStarterConfiguration bean = start(true, HERE, DefaultStarterConfiguration.class, "init");
        assertThat(bean.properties).as("not injected a second time").isNull();
        assertThat(bean.initialised).isEqualTo(1);
    }

    @Test
    void withoutAheadOfTimeDefinitionsSpringDoesItAndThisDoesNothing() {
        DefaultStarterConfiguration bean = start(false, HERE, StarterConfiguration.class, null);
        assertThat(bean.properties).isNull();
        assertThat(bean.initialised).isZero();
    }

    @Test
    void onlyTheStartersBeansAreTouched() {
        DefaultStarterConfiguration bean = start(true, CamundaStarterInjection.CAMUNDA_PACKAGES,
                StarterConfiguration.class, null);
        assertThat(bean.properties).isNull();
        assertThat(bean.initialised).isZero();
    }

    private static DefaultStarterConfiguration start(boolean aotMode, String packages, Class<?> declaredType,
                                                     String initMethod) {
        try (GenericApplicationContext context = new GenericApplicationContext()) {
            context.registerBean("injection", CamundaStarterInjection.class,
                    () -> new CamundaStarterInjection(aotMode, packages));
            context.registerBean(Properties.class, Properties::new);
            RootBeanDefinition definition = new RootBeanDefinition(declaredType);
            definition.setTargetType(declaredType);
            definition.setInstanceSupplier(DefaultStarterConfiguration::new);
            if (initMethod != null) {
                definition.setInitMethodNames(initMethod);
            }
            context.registerBeanDefinition("starterConfiguration", definition);
            context.refresh();
            return context.getBean(DefaultStarterConfiguration.class);
        }
    }
}
