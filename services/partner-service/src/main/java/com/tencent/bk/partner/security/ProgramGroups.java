package com.tencent.bk.partner.security;

import com.tencent.bk.partner.process.Bpmn;
import java.util.List;

/** The groups of docs/contracts.md with their names and the Tasklist filter each sees. */
enum ProgramGroups {
    REVIEWERS(Bpmn.REVIEWERS, "合作伙伴审核员 Partner reviewers", "待审核申请 Applications to review", "#3c78d8"),
    MANAGERS(Bpmn.MANAGERS, "合作伙伴经理 Partner managers", "经理任务 Manager tasks", "#6aa84f"),
    FINANCE(Bpmn.FINANCE, "财务 Finance", "财务任务 Finance tasks", "#e69138"),
    AUDITORS(Bpmn.AUDITORS, "审计员 Auditors", "审计任务 Audit tasks", "#8e7cc3");

    private final String groupId;
    private final String groupName;
    private final String filterName;
    private final String filterColor;

    ProgramGroups(String groupId, String groupName, String filterName, String filterColor) {
        this.groupId = groupId;
        this.groupName = groupName;
        this.filterName = filterName;
        this.filterColor = filterColor;
    }

    String groupId() {
        return groupId;
    }

    String groupName() {
        return groupName;
    }

    String filterName() {
        return filterName;
    }

    String filterColor() {
        return filterColor;
    }

    static List<String> ids() {
        return java.util.Arrays.stream(values()).map(ProgramGroups::groupId).toList();
    }
}
