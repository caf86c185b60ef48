package org.reuselab.core.scenario;

import org.reuselab.core.scenario.json.SourcePos;

/** One socket option and its value, with where it was written. */
public record OptionSetting(SockOpt opt, OptValue value, SourcePos pos) {

    @Override
    public String toString() {
        return opt + "=" + value;
    }
}
