package com.tencent.bk.partner.finder;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The finder's page ({@code static/partners/index.html}) at its stable addresses: {@code /partners/} with the
 * search in the query ({@code ?q=…&type=…}) and {@code /partners/{partnerId}} for one partner, so a link or a
 * reload lands on the same view. The page's script reads the address; the service only hands out the page.
 */
@Configuration
class FinderPages implements WebMvcConfigurer {

    static final String PAGE = "forward:/partners/index.html";

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/partners", "/partners/").setKeepQueryParams(true);
        registry.addViewController("/partners/").setViewName(PAGE);
        // a unified social credit code: 18 digits and capitals (the page's own files have dots in their names)
        registry.addViewController("/partners/{partnerId:[0-9A-Z]{18}}").setViewName(PAGE);
    }
}
