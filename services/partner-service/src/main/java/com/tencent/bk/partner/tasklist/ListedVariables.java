package com.tencent.bk.partner.tasklist;

import com.tencent.bk.partner.process.Variables;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The variables every Tasklist filter shows and sorts by, with their labels: who the task is about and what is
 * at stake. {@link TaskPresentation} sets them local to each task when it is created.
 */
public final class ListedVariables {

    public static final String PARTNER_ID = Variables.PARTNER_ID;
    public static final String COMPANY_NAME = Variables.COMPANY_NAME;
    public static final String PARTNER_TYPE = Variables.PARTNER_TYPE;
    public static final String LEVEL_AT_STAKE = Variables.LEVEL_AT_STAKE;
    public static final String AMOUNT_AT_STAKE = Variables.AMOUNT_AT_STAKE;
    public static final String GRACE_ENDS_ON = Variables.GRACE_ENDS_ON;

    private static final Map<String, String> LABELS = buildLabels();

    private ListedVariables() {
    }

    public static Map<String, String> labels() {
        return LABELS;
    }

    private static Map<String, String> buildLabels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(COMPANY_NAME, "公司 Company");
        labels.put(PARTNER_ID, "统一社会信用代码 Partner id");
        labels.put(PARTNER_TYPE, "类型 Type");
        labels.put(LEVEL_AT_STAKE, "级别 Level");
        labels.put(AMOUNT_AT_STAKE, "金额 Amount");
        labels.put(GRACE_ENDS_ON, "宽限期至 Grace ends");
        return java.util.Collections.unmodifiableMap(labels);
    }

    /** As a Tasklist filter's {@code properties.variables}: a list of {@code {name, label}}. */
    public static List<Map<String, String>> asFilterProperty() {
        return LABELS.entrySet().stream().map(e -> Map.of("name", e.getKey(), "label", e.getValue())).toList();
    }
}
