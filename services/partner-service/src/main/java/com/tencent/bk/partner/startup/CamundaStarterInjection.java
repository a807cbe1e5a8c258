package com.tencent.bk.partner.startup;

import org.springframework.aot.AotDetector;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.beans.factory.annotation.AutowiredAnnotationBeanPostProcessor;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.CommonAnnotationBeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Injects the Camunda starter's beans in AOT mode the way Spring does without it.
 * <p>
 * Several of the starter's {@code @Bean} methods declare an interface as their type
 * ({@code CamundaProcessEngineConfiguration camundaProcessEngineConfiguration()} returns a
 * {@code DefaultProcessEngineConfiguration}) while the class they return has {@code @Autowired} fields and
 * {@code @PostConstruct} methods. Ahead-of-time processing generates injection only for what the declared type
 * shows, and in AOT mode no post-processor looks for the rest at runtime: the engine then fails to build
 * ({@code camundaBpmProperties is null}). This does that injection for exactly those beans: the starter's, declared
 * as an interface, and only in AOT mode. A bean whose class AOT saw is injected by the generated code alone, so
 * no {@code @PostConstruct} runs twice.
 */
@Component
class CamundaStarterInjection implements BeanPostProcessor, BeanFactoryAware {

    static final String CAMUNDA_PACKAGES = "org.camunda.";

    private final AutowiredAnnotationBeanPostProcessor fields = new AutowiredAnnotationBeanPostProcessor();
    private final CommonAnnotationBeanPostProcessor initMethods = new CommonAnnotationBeanPostProcessor();
    private final boolean aotMode;
    private final String packages;
    private ConfigurableListableBeanFactory beanFactory;

    CamundaStarterInjection() {
        this(AotDetector.useGeneratedArtifacts(), CAMUNDA_PACKAGES);
    }

    CamundaStarterInjection(boolean aotMode, String packages) {
        this.aotMode = aotMode;
        this.packages = packages;
    }

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        this.beanFactory = (ConfigurableListableBeanFactory) beanFactory;
        fields.setBeanFactory(beanFactory);
        initMethods.setBeanFactory(beanFactory);
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (!aotMode || !bean.getClass().getName().startsWith(packages) || !declaredAsInterface(beanName)) {
            return bean;
        }
        fields.processInjection(bean);
        return initMethods.postProcessBeforeInitialization(bean, beanName);
    }

    private boolean declaredAsInterface(String beanName) {
        try {
            // the type the definition declares: getTargetType() is the created instance's class by now
            Class<?> declared = ((RootBeanDefinition) beanFactory.getMergedBeanDefinition(beanName))
                    .getResolvableType().resolve();
            return declared != null && declared.isInterface();
        } catch (NoSuchBeanDefinitionException | ClassCastException notARegisteredBean) {
            return false;
        }
    }
}
