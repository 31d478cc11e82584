package com.atlassian.audit.entity;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Declaration only, the host provides the real class (atlassian-audit-api 1.16.2). Build with
 * {@link #fromI18nKeys(String, String, CoverageLevel, CoverageArea)}: the keys are looked up in the plugin's i18n
 * resources by the audit log UI. The body keeps its values for fake hosts in tests. Evidence: docs/host-evidence.md,
 * topic 6.
 */
public class AuditEvent {

    private final String categoryI18nKey;
    private final String actionI18nKey;
    private final CoverageLevel level;
    private final CoverageArea area;
    private final List<AuditResource> affectedObjects;
    private final List<ChangedValue> changedValues;
    private final List<AuditAttribute> extraAttributes;

    AuditEvent(Builder builder) {
        this.categoryI18nKey = builder.categoryI18nKey;
        this.actionI18nKey = builder.actionI18nKey;
        this.level = builder.level;
        this.area = builder.area;
        this.affectedObjects = Collections.unmodifiableList(new ArrayList<>(builder.affectedObjects));
        this.changedValues = Collections.unmodifiableList(new ArrayList<>(builder.changedValues));
        this.extraAttributes = Collections.unmodifiableList(new ArrayList<>(builder.extraAttributes));
    }

    public static Builder fromI18nKeys(String categoryI18nKey, String actionI18nKey, CoverageLevel level,
            CoverageArea area) {
        return new Builder(categoryI18nKey, actionI18nKey, level, area);
    }

    public String getCategoryI18nKey() {
        return categoryI18nKey;
    }

    public String getActionI18nKey() {
        return actionI18nKey;
    }

    public CoverageLevel getLevel() {
        return level;
    }

    public CoverageArea getArea() {
        return area;
    }

    public List<AuditResource> getAffectedObjects() {
        return affectedObjects;
    }

    public List<ChangedValue> getChangedValues() {
        return changedValues;
    }

    public List<AuditAttribute> getExtraAttributes() {
        return extraAttributes;
    }

    /** Declaration only, the host provides the real class. */
    public static class Builder {

        private final String categoryI18nKey;
        private final String actionI18nKey;
        private final CoverageLevel level;
        private final CoverageArea area;
        private final List<AuditResource> affectedObjects = new ArrayList<>();
        private final List<ChangedValue> changedValues = new ArrayList<>();
        private final List<AuditAttribute> extraAttributes = new ArrayList<>();

        Builder(String categoryI18nKey, String actionI18nKey, CoverageLevel level, CoverageArea area) {
            this.categoryI18nKey = categoryI18nKey;
            this.actionI18nKey = actionI18nKey;
            this.level = level;
            this.area = area;
        }

        public Builder affectedObject(AuditResource affectedObject) {
            affectedObjects.add(affectedObject);
            return this;
        }

        public Builder changedValue(ChangedValue changedValue) {
            changedValues.add(changedValue);
            return this;
        }

        public Builder changedValues(List<ChangedValue> values) {
            changedValues.clear();
            changedValues.addAll(values);
            return this;
        }

        public Builder extraAttribute(AuditAttribute extraAttribute) {
            extraAttributes.add(extraAttribute);
            return this;
        }

        public AuditEvent build() {
            return new AuditEvent(this);
        }
    }
}
