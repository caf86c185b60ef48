package org.reuselab.core.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.reuselab.core.net.Family;
import org.reuselab.core.net.IpAddr;
import org.reuselab.core.scenario.AddrSpec;
import org.reuselab.core.scenario.InterfaceDef;
import org.reuselab.core.scenario.OptValue;
import org.reuselab.core.scenario.OptionSetting;
import org.reuselab.core.scenario.PortSpec;
import org.reuselab.core.scenario.Scenario;
import org.reuselab.core.scenario.SockOpt;
import org.reuselab.core.scenario.Step;
import org.reuselab.core.scenario.StepMeta;
import org.reuselab.core.scenario.json.SourcePos;

/**
 * Builds the records the simulator runs, as {@code ScenarioReader} would read them from the
 * file {@link ScenarioJson} writes (with the format's defaults), without writing and reading
 * text. Nothing here has a place in a file, so every position is {@link SourcePos#NONE}.
 */
final class ScenarioRecords implements ScenarioBuilder<Scenario> {

    /** The generator's few address literals, each parsed once. */
    private static final Map<String, IpAddr> IPS = new ConcurrentHashMap<>();

    private final List<Step> steps = new ArrayList<>();

    @Override
    public void socket(String sock, Family family, int uid, List<SockOpt> flagsOn) {
        List<OptionSetting> opts = new ArrayList<>();
        for (SockOpt flag : flagsOn) {
            opts.add(new OptionSetting(flag, new OptValue.Flag(1), SourcePos.NONE));
        }
        steps.add(new Step.Socket(meta(), sock, family, uid, opts));
    }

    @Override
    public void setsockopt(String sock, SockOpt flag, int value) {
        steps.add(new Step.Setsockopt(meta(), sock, new OptionSetting(flag, new OptValue.Flag(value), SourcePos.NONE)));
    }

    @Override
    public void bind(String sock, Addr addr) {
        steps.add(new Step.Bind(meta(), sock, spec(addr), Optional.empty()));
    }

    @Override
    public void listen(String sock, int backlog) {
        steps.add(new Step.Listen(meta(), sock, backlog));
    }

    @Override
    public void connect(String sock, Addr to, int timeoutMs) {
        steps.add(new Step.Connect(meta(), sock, spec(to), OptionalInt.empty(), timeoutMs));
    }

    @Override
    public void close(String sock) {
        steps.add(new Step.Close(meta(), sock));
    }

    @Override
    public void accept(String sock) {
        steps.add(new Step.Accept(meta(), sock, Optional.empty()));
    }

    @Override
    public void shutdown(String sock, Step.How how) {
        steps.add(new Step.Shutdown(meta(), sock, how));
    }

    @Override
    public void handshake(Addr from, Addr to) {
        steps.add(new Step.Handshake(meta(), spec(from), spec(to)));
    }

    @Override
    public void send(Addr from, Addr to, String flags) {
        steps.add(new Step.Send(meta(), spec(from), spec(to), flags, 0, OptionalLong.empty(), OptionalLong.empty()));
    }

    @Override
    public Scenario build(long seed) {
        String name = ScenarioJson.name(seed);
        return new Scenario(name + ".json", name, Optional.of(ScenarioJson.description(seed)), Optional.empty(),
                List.of(), seed, List.of(), InterfaceDef.DEFAULTS, steps);
    }

    /** The next step's meta: numbered from 1, no note, no expectation. */
    private StepMeta meta() {
        return new StepMeta(steps.size() + 1, SourcePos.NONE, Optional.empty(), Optional.empty());
    }

    private static AddrSpec spec(Addr a) {
        return new AddrSpec(IPS.computeIfAbsent(a.ip(), IpAddr::parse), "", new PortSpec.Literal(a.port()));
    }
}
