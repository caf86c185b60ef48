package org.reuselab.core.scenario;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.reuselab.core.scenario.json.JsonDocument;
import org.reuselab.core.scenario.json.JsonIssue;
import org.reuselab.core.scenario.json.JsonSyntaxException;
import org.reuselab.core.scenario.json.JsonTreeParser;

/**
 * Reads a scenario file (format v1 plus reuselab's extensions) into a {@link Scenario}. Every
 * problem in the file is reported at once, compiler style, as a {@link ScenarioException}.
 */
public final class ScenarioReader {

    private final Set<String> profileNames;

    /** @param profileNames the kernel profiles the {@code kernel} field may name */
    public ScenarioReader(Set<String> profileNames) {
        this.profileNames = Set.copyOf(new TreeSet<>(profileNames));
    }

    /** Reads a file; its path as given is the name errors show. */
    public Scenario read(Path file) throws ScenarioException {
        String display = file.toString();
        String content;
        try {
            content = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw fileError(display, "no such file");
        } catch (CharacterCodingException e) {
            throw fileError(display, "the file is not valid UTF-8 text");
        } catch (IOException e) {
            throw fileError(display, "cannot read the file: " + e.getMessage());
        }
        return read(display, content);
    }

    public Scenario read(String displayName, String content) throws ScenarioException {
        Problems problems = new Problems(displayName);
        JsonDocument doc;
        try {
            // editors on some systems save a byte-order mark; it is not part of the JSON
            doc = JsonTreeParser.parse(content.startsWith("\uFEFF") ? content.substring(1) : content);
        } catch (JsonSyntaxException e) {
            add(problems, e.issue());
            throw problems.exception();
        }
        doc.issues().forEach(i -> add(problems, i));
        Optional<Scenario> scenario = new TopLevelReader(profileNames, problems).read(displayName, doc.root());
        if (problems.any() || scenario.isEmpty()) {
            throw problems.exception();
        }
        return scenario.get();
    }

    private static void add(Problems problems, JsonIssue issue) {
        problems.error(issue.pos(), issue.message(), issue.hint());
    }

    private static ScenarioException fileError(String file, String message) {
        return new ScenarioException(List.of(new Diagnostic(file, 1, 1, message, "/", Optional.empty())));
    }
}
