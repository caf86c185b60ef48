package org.reuselab.probe.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The machine's apt sources as read (both formats) and the private state's source list made from them. */
class AptSourcesTest {

    private static final String DEB822 = """
            Types: deb
            # http://snapshot.example/archive/debian/20250520T000000Z
            URIs: http://mirror.example/debian
            Suites: bookworm bookworm-updates
            Components: main
            Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

            Types: deb
            URIs: http://mirror.example/debian-security
            Suites: bookworm-security
            Components: main
            Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

            Types: deb
            URIs: http://disabled.example/debian
            Suites: trixie
            Components: main
            Enabled: no
            """;

    @Test
    void deb822_debianSuitesAndArchive() {
        AptSources s = new AptSources(AptSources.parseDeb822(DEB822));
        assertEquals(Set.of("bookworm"), s.debianSuites());
        AptSources.Entry a = s.debianArchive().orElseThrow();
        assertEquals(List.of("http://mirror.example/debian"), a.uris());
        assertEquals(Optional.of(Path.of("/usr/share/keyrings/debian-archive-keyring.gpg")), a.signedBy());
        assertEquals(List.of("bullseye", "trixie", "sid"), PrivateApt.otherSuites(s));
    }

    @Test
    void oneLine_optionsCommentsAndOtherRepositories() {
        List<AptSources.Entry> e = AptSources.parseList("""
                # the machine's
                deb [arch=amd64 signed-by=/etc/apt/keyrings/deb.gpg] http://mirror.example/debian trixie main contrib
                deb-src http://mirror.example/debian trixie main
                deb https://packages.example/apt cloud-sdk-bookworm main
                deb http://mirror.example/debian sid main # for a tool
                """);
        AptSources s = new AptSources(e);
        assertEquals(4, e.size());
        assertEquals(Set.of("trixie", "sid"), s.debianSuites());
        assertEquals(Optional.of(Path.of("/etc/apt/keyrings/deb.gpg")), s.debianArchive().orElseThrow().signedBy());
        assertEquals(List.of("bullseye", "bookworm"), PrivateApt.otherSuites(s));
    }

    @Test
    void noDebianArchive_oneLineReason(@TempDir Path tmp) {
        AptSources s = new AptSources(AptSources.parseList("deb https://packages.example/apt nodistro main\n"));
        VmUnavailableException e = assertThrows(VmUnavailableException.class, () -> PrivateApt.of(tmp, s));
        assertTrue(e.getMessage().startsWith("the machine's apt sources name no Debian archive"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void read_etcAptDirectory_listAndSourcesFiles_othersIgnored(@TempDir Path etc) throws Exception {
        Files.createDirectories(etc.resolve("sources.list.d"));
        Files.writeString(etc.resolve("sources.list.d/debian.sources"), DEB822);
        Files.writeString(etc.resolve("sources.list.d/tool.list.disabled-by-farm"), "deb http://x.example/debian sid main\n");
        AptSources s = AptSources.read(etc);
        assertEquals(Set.of("bookworm"), s.debianSuites());
    }

    @Test
    void privateSourcesList_machineUriAndKeyring_oneLinePerSuite() {
        String list = PrivateApt.sourcesList("http://mirror.example/debian",
                Optional.of(Path.of("/usr/share/keyrings/debian-archive-keyring.gpg")), List.of("bullseye", "sid"));
        List<String> entries = list.lines().filter(l -> !l.startsWith("#")).toList();
        assertEquals(List.of(
                "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://mirror.example/debian bullseye main",
                "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://mirror.example/debian sid main"),
                entries);
    }

    @Test
    void privateOptions_replaceSourcesListsAndCacheOnly() {
        Path d = Path.of("/cache/.apt");
        List<String> o = PrivateApt.options(d);
        assertEquals(List.of("-o", "Dir::Etc::sourcelist=/cache/.apt/sources.list", "-o", "Dir::Etc::sourceparts=/dev/null",
                "-o", "Dir::State::Lists=/cache/.apt/lists", "-o", "Dir::Cache=/cache/.apt/cache", "-o",
                "Acquire::Languages=none"), o);
        Apt apt = new Apt(o, "test");
        assertEquals("apt-cache", apt.command("apt-cache", "search", "x").get(0));
        assertEquals(List.of("search", "x"), apt.command("apt-cache", "search", "x").subList(o.size() + 1, o.size() + 3));
        assertTrue(apt.isPrivate());
        assertTrue(!Apt.host().isPrivate() && Apt.host().command("apt-get", "download", "p").equals(
                List.of("apt-get", "download", "p")));
    }

    @Test
    void updated_onlyForTheSameSourceList_andStaleAfterADay(@TempDir Path tmp) throws Exception {
        AptSources host = new AptSources(AptSources.parseDeb822(DEB822));
        PrivateApt p = PrivateApt.of(tmp, host);
        assertTrue(p.updated().isEmpty());
        Files.writeString(tmp.resolve("updated"), "deb http://elsewhere.example/debian sid main\n");
        assertTrue(p.updated().isEmpty(), "lists of another source list are not reused");
        Instant t = Instant.parse("2026-12-01T00:00:00Z");
        assertTrue(!PrivateApt.stale(t, t.plus(Duration.ofHours(23))));
        assertTrue(PrivateApt.stale(t, t.plus(Duration.ofHours(25))));
    }

    @Test
    void errorLine_firstAptError() {
        assertEquals("E: Some index files failed to download.", PrivateApt.errorLine(new HostCommand.Result(100,
                "Get:1 x\n", "W: Failed to fetch y\nE: Some index files failed to download.\nE: other\n")));
        assertEquals("exit 100", PrivateApt.errorLine(new HostCommand.Result(100, "", "")));
    }
}
