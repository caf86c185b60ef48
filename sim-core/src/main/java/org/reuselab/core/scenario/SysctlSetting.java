package org.reuselab.core.scenario;

import org.reuselab.core.scenario.json.SourcePos;

/** A sysctl by its {@code sysctl -a} name, with its value as {@code sysctl -w} takes it. */
public record SysctlSetting(String name, String value, SourcePos pos) {

    @Override
    public String toString() {
        return name + "=" + value;
    }
}
