package com.tencent.bk.partner.courses;

/** The kinds of course of the program rules (教育合作伙伴). */
enum CourseKind {
    /** 蓝鲸运维工程师认证课程: for one track and, for AUTOMATION, one level. */
    CERTIFICATION,
    /** 基于腾讯蓝鲸体系的自动化运维课程 */
    AUTOMATION_OPERATIONS,
    /** 海量运维实战课程 */
    LARGE_SCALE_PRACTICE,
    /** 企业级运维解决方案内训 */
    ENTERPRISE_TRAINING
}
