package org.reuselab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/profiles.md is generated from the profile registry and must not drift from it. */
class ProfilesDocTest {

    @Test
    void profilesDoc_equalsGeneratedTable() throws IOException {
        Path doc = Path.of("../docs/profiles.md");
        String generated = ProfilesMarkdown.render();
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(doc, generated);
        }
        assertEquals(generated, Files.readString(doc),
                "docs/profiles.md is stale: run ./reuselab profiles --markdown > docs/profiles.md");
    }
}
