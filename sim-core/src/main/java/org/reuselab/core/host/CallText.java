package org.reuselab.core.host;

import java.util.stream.Collectors;
import org.reuselab.core.scenario.Step;

/** The one-line text of a step in a trace: the call as a person would write it. */
public final class CallText {

    private CallText() {
    }

    public static String of(Step step) {
        return switch (step) {
            case Step.Socket s -> "socket " + s.sock() + " " + s.family() + (s.uid() != 0 ? " uid=" + s.uid() : "")
                    + (s.opts().isEmpty() ? "" : " " + s.opts().stream().map(Object::toString)
                            .collect(Collectors.joining(" ")));
            case Step.Setsockopt s -> "setsockopt " + s.sock() + " " + s.setting();
            case Step.Bind b -> "bind " + b.sock() + " " + b.addr()
                    + b.raw().map(r -> " (sockaddr " + r.family().name().toLowerCase(java.util.Locale.ROOT)
                            + " len " + r.length() + ")").orElse("");
            case Step.Listen l -> "listen " + l.sock() + " backlog=" + l.backlog();
            case Step.Connect c -> "connect " + c.sock() + " " + c.to()
                    + (c.count().isPresent() ? " count=" + c.count().getAsInt() : "");
            case Step.Accept a -> "accept " + a.sock() + a.as().map(n -> " as " + n).orElse("");
            case Step.AcceptAll a -> "accept_all " + a.sock();
            case Step.Write w -> "write " + w.sock() + " " + w.bytes() + " bytes";
            case Step.Info i -> "info " + i.sock();
            case Step.Serve s -> "serve " + s.sock() + (s.serve() ? "" : " off") + (s.close() ? "" : " keep-open");
            case Step.Close c -> "close " + c.sock();
            case Step.Shutdown s -> "shutdown " + s.sock() + " " + s.how().jsonName();
            case Step.Send s -> "send " + s.from() + " > " + s.to() + " [" + s.flags() + "]"
                    + (s.payload() > 0 ? " payload=" + s.payload() : "");
            case Step.Handshake h -> "handshake " + h.from() + " > " + h.to()
                    + (h.count().isPresent() ? " count=" + h.count().getAsInt() : "");
            case Step.Advance a -> "advance " + a.ms() + "ms";
            case Step.Sysctl s -> "sysctl " + s.setting();
            case Step.Dump d -> "dump";
            case Step.Fchown f -> "fchown " + f.sock() + " uid=" + f.uid();
            case Step.Getsockopt g -> "getsockopt " + g.sock() + " " + g.opt();
        };
    }
}
