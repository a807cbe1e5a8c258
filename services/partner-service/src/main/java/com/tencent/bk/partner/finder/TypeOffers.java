package com.tencent.bk.partner.finder;

import com.tencent.bk.partner.registry.PartnerType;

/**
 * What a partner of each type may do for a customer, in the words of the program rules' type table
 * ({@code partner-program.zh.md}, 合作伙伴类型; the English of {@code partner-program.en.md}).
 */
final class TypeOffers {

    private TypeOffers() {
    }

    static Bilingual of(PartnerType type) {
        return switch (type) {
            case ENTERPRISE -> new Bilingual(
                    "可以销售腾讯蓝鲸智云企业版软件，为客户提供基于腾讯蓝鲸的自动化运维解决方案的咨询、服务和实施。针对客户使用的"
                            + "软件（社区版、企业版），提供全面的基础运维服务（软件的搭建、更新、接入、维保等）、多样化的企业级 SaaS "
                            + "定制开发服务。企业版技术合作伙伴根据企业的整体资质，从低到高分为四个等级：试用、三级、二级、一级。",
                    "May sell the BlueKing enterprise edition. Consulting, services and implementation of "
                            + "automated-operations solutions based on BlueKing; full basic operations services (setup, "
                            + "upgrade, onboarding, maintenance) for the software the customer uses (community or "
                            + "enterprise edition); enterprise SaaS custom development. Graded by the company's overall "
                            + "qualifications into four levels, low to high: Trial, Level 3, Level 2, Level 1.");
            case COMMUNITY -> new Bilingual(
                    "不可以销售腾讯蓝鲸智云企业版软件，为客户提供基于腾讯蓝鲸的自动化运维解决方案的咨询、服务和实施。针对客户使用的"
                            + "软件（社区版），提供全面的基础运维服务（软件的搭建、更新、接入、维保等）、多样化的企业级 SaaS 定制开发服务。",
                    "May not sell the enterprise edition. Consulting, services and implementation of "
                            + "automated-operations solutions based on BlueKing; full basic operations services (setup, "
                            + "upgrade, onboarding, maintenance) and enterprise SaaS custom development, for the "
                            + "community edition.");
            case EDUCATION -> new Bilingual(
                    "腾讯蓝鲸与优质的教育机构合作，为客户提供专业的运维自动化及运维开发培训课程，包括：基于腾讯蓝鲸体系的自动化运维"
                            + "课程、蓝鲸运维工程师认证课程、海量运维实战课程、企业级运维解决方案内训等。教育合作伙伴可自主开设腾讯蓝鲸运维"
                            + "工程师认证相关的课程，授课讲师必须具备相应的认证资质。",
                    "A training institution: automated-operations courses on BlueKing, the BlueKing "
                            + "operations-engineer certification courses, large-scale operations practice courses and "
                            + "in-house enterprise training. May run certification courses on its own; its instructors "
                            + "must hold the matching certification.");
            case BRAND -> new Bilingual(
                    "腾讯蓝鲸携手 IT 垂直领域的知名产品，整合双方优势资源，为客户提供基于腾讯蓝鲸体系的服务资源，通过企业已有品牌或"
                            + "产品能力，与腾讯蓝鲸生态共同发展。",
                    "A well-known IT product that combines its resources with BlueKing's: services for customers "
                            + "based on the BlueKing system, through its own brand or product, growing with the "
                            + "BlueKing ecosystem.");
        };
    }
}
