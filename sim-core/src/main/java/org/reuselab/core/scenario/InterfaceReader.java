package org.reuselab.core.scenario;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.reuselab.core.net.IpAddr;
import org.reuselab.core.scenario.json.JsonValue;
import org.reuselab.core.scenario.json.JsonValue.JsonArray;
import org.reuselab.core.scenario.json.JsonValue.JsonObject;

/** The {@code interfaces} list: each with a name and at least one {@code "ip/len"}. */
final class InterfaceReader {

    private static final String EXAMPLE = "{\"name\": \"eth0\", \"addrs\": [\"10.0.0.1/24\", \"fd00::1/64\"]}";
    private static final List<String> FIELDS = List.of("name", "addrs");

    private InterfaceReader() {
    }

    static List<InterfaceDef> all(JsonValue v, Problems p) {
        List<InterfaceDef> out = new ArrayList<>();
        Set<String> seen = new HashSet<>(); // look-up only
        Values.array(v, "\"interfaces\"", p).ifPresent(arr -> {
            for (JsonValue item : arr.items()) {
                Values.object(item, "an interface", p).flatMap(o -> one(o, seen, p)).ifPresent(out::add);
            }
        });
        return out;
    }

    private static Optional<InterfaceDef> one(JsonObject o, Set<String> seen, Problems p) {
        Fields f = Fields.of(o, "an interface", FIELDS, Optional.of(EXAMPLE), p);
        Optional<String> name = f.reqString("name").filter(n -> nameOk(n, f.opt("name").orElseThrow(), seen, p));
        Optional<List<InterfaceDef.Prefix>> addrs = f.req("addrs").flatMap(a -> addrs(a, p));
        return name.isPresent() && addrs.isPresent()
                ? Optional.of(new InterfaceDef(name.get(), addrs.get(), o.pos())) : Optional.empty();
    }

    private static boolean nameOk(String name, JsonValue at, Set<String> seen, Problems p) {
        if (name.isEmpty() || name.length() > 15 || !name.matches("[A-Za-z0-9_.-]+")) {
            p.error(at.pos(), "bad interface name \"" + name + "\"",
                    "interface names are 1 to 15 letters, digits, '_', '.' or '-', e.g. \"eth0\"");
            return false;
        }
        if (name.equals("lo")) {
            p.error(at.pos(), "interface \"lo\" always exists and cannot be defined again",
                    "lo has 127.0.0.1/8 and ::1/128; list only the other interfaces");
            return false;
        }
        if (!seen.add(name)) {
            p.error(at.pos(), "interface \"" + name + "\" is defined twice", "give each interface one entry");
            return false;
        }
        return true;
    }

    private static Optional<List<InterfaceDef.Prefix>> addrs(JsonValue v, Problems p) {
        Optional<JsonArray> arr = Values.array(v, "\"addrs\"", p);
        if (arr.isPresent() && arr.get().items().isEmpty()) {
            p.error(v.pos(), "an interface needs at least one address in \"addrs\"", "write e.g. [\"10.0.0.1/24\"]");
            return Optional.empty();
        }
        List<InterfaceDef.Prefix> out = new ArrayList<>();
        boolean ok = arr.isPresent();
        for (JsonValue item : arr.map(JsonArray::items).orElse(List.of())) {
            Optional<InterfaceDef.Prefix> prefix = Values.string(item, "an address", p)
                    .flatMap(s -> prefix(s, item, p));
            prefix.ifPresent(out::add);
            ok &= prefix.isPresent();
        }
        return ok ? Optional.of(out) : Optional.empty();
    }

    private static Optional<InterfaceDef.Prefix> prefix(String text, JsonValue at, Problems p) {
        String hint = "an interface address is \"ip/len\", e.g. \"10.0.0.1/24\" or \"fd00::1/64\" (no brackets)";
        int slash = text.indexOf('/');
        if (slash < 0 || !text.substring(slash + 1).matches("\\d{1,3}")) {
            p.error(at.pos(), "interface address \"" + text + "\" needs a prefix length after '/'", hint);
            return Optional.empty();
        }
        try {
            IpAddr ip = IpAddr.parse(text.substring(0, slash));
            return Optional.of(new InterfaceDef.Prefix(ip, Integer.parseInt(text.substring(slash + 1))));
        } catch (IllegalArgumentException e) {
            p.error(at.pos(), e.getMessage(), hint);
            return Optional.empty();
        }
    }
}
