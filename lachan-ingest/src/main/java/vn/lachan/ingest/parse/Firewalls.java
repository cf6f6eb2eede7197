package vn.lachan.ingest.parse;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Maps key=value records to ECS: FortiGate, Sophos Firewall (SFOS/XG), Sophos UTM and netfilter
 * ({@code iptables}/{@code ufw}) are recognized by their keys and get {@code observer.*} and
 * {@code event.category: firewall}; any other list keeps its keys and gets the ECS fields its common
 * names give. The original keys always stay, under their own names.
 */
final class Firewalls {
    private Firewalls() {}

    private enum Vendor {
        FORTINET("Fortinet", "FortiGate", "fortinet", "fortinet.firewall"),
        SOPHOS_FIREWALL("Sophos", "Sophos Firewall", "sophos", "sophos.xg"),
        SOPHOS_UTM("Sophos", "Sophos UTM", "sophos", "sophos.utm"),
        NETFILTER("Netfilter", "iptables", "iptables", "iptables.log");

        final String vendor;
        final String product;
        final String module;
        final String dataset;

        Vendor(String vendor, String product, String module, String dataset) {
            this.vendor = vendor;
            this.product = product;
            this.module = module;
            this.dataset = dataset;
        }
    }

    /** Writes the pairs and their ECS fields into {@code out}. */
    static void map(Map<String, String> kv, ZoneId zone, Event out) {
        kv.forEach(out::text);
        Vendor vendor = vendorOf(kv);
        first(kv, out, "source.ip", true, "srcip", "src_ip", "src", "SRC", "source_ip");
        first(kv, out, "destination.ip", true, "dstip", "dst_ip", "dst", "DST", "destination_ip");
        firstNumber(kv, out, "source.port", "srcport", "src_port", "spt", "SPT", "sport");
        firstNumber(kv, out, "destination.port", "dstport", "dst_port", "dpt", "DPT", "dport");
        first(kv, out, "user.name", false, "user", "user_name", "username", "usrName", "srcuser");
        first(kv, out, "event.action", false, "action", "fw_action");
        first(kv, out, "event.code", false, "logid", "log_id", "id");
        first(kv, out, "rule.id", false, "policyid", "fw_rule_id", "fwrule");
        first(kv, out, "rule.name", false, "policyname", "fw_rule_name");
        first(kv, out, "observer.ingress.interface.name", false, "srcintf", "in_interface", "initf", "IN");
        first(kv, out, "observer.egress.interface.name", false, "dstintf", "out_interface", "outitf", "OUT");
        firstNumber(kv, out, "source.bytes", "sentbyte", "sent_bytes");
        firstNumber(kv, out, "destination.bytes", "rcvdbyte", "recv_bytes", "received_bytes");
        first(kv, out, "url.domain", false, "hostname");
        first(kv, out, "url.original", false, "url");
        transport(kv, out);
        if (!out.has("message")) {
            first(kv, out, "message", false, "msg", "message", "name");
        }
        out.time(time(kv, zone));
        if (vendor != null) {
            observer(vendor, kv, out);
        }
    }

    private static @Nullable Vendor vendorOf(Map<String, String> kv) {
        if (kv.containsKey("devid") && (kv.containsKey("logid") || kv.containsKey("devname"))) {
            return Vendor.FORTINET;
        }
        if (kv.containsKey("log_component") || (kv.containsKey("device_name") && kv.containsKey("log_type"))) {
            return Vendor.SOPHOS_FIREWALL;
        }
        if (kv.containsKey("sys") && kv.containsKey("sub") && kv.containsKey("id")) {
            return Vendor.SOPHOS_UTM;
        }
        if (kv.containsKey("SRC") && kv.containsKey("DST") && kv.containsKey("PROTO")) {
            return Vendor.NETFILTER;
        }
        return null;
    }

    private static void observer(Vendor vendor, Map<String, String> kv, Event out) {
        out.put("observer.vendor", vendor.vendor);
        out.put("observer.product", vendor.product);
        out.put("observer.type", "firewall");
        first(kv, out, "observer.name", false, "devname", "device_name");
        first(kv, out, "observer.serial_number", false, "devid", "device_id", "device_serial_id");
        out.put("event.kind", "event");
        out.put("event.category", "firewall");
        out.put("event.module", vendor.module);
        out.put("event.dataset", vendor.dataset);
        String action = kv.getOrDefault("action", kv.getOrDefault("status", ""));
        String type = allowedOrDenied(action.toLowerCase(Locale.ROOT));
        if (type != null) {
            out.put("event.type", type);
        }
    }

    private static @Nullable String allowedOrDenied(String action) {
        return switch (action) {
            case "accept",
                    "allow",
                    "allowed",
                    "pass",
                    "forward",
                    "close",
                    "timeout",
                    "start",
                    "server-rst",
                    "client-rst" -> "allowed";
            case "deny", "denied", "drop", "block", "blocked", "reject", "dropped" -> "denied";
            default -> null;
        };
    }

    private static void transport(Map<String, String> kv, Event out) {
        String proto = kv.getOrDefault("proto", kv.getOrDefault("protocol", kv.get("PROTO")));
        if (proto == null || proto.isEmpty()) {
            return;
        }
        String name = switch (proto) {
            case "1" -> "icmp";
            case "6" -> "tcp";
            case "17" -> "udp";
            case "58" -> "ipv6-icmp";
            default -> proto.toLowerCase(Locale.ROOT);
        };
        out.put("network.transport", name);
    }

    /** Reads FortiGate {@code eventtime}, {@code date}+{@code time}(+{@code tz}), or an ISO {@code timestamp}. */
    private static @Nullable Instant time(Map<String, String> kv, ZoneId zone) {
        Instant epoch = Times.epoch(kv.get("eventtime"));
        if (epoch != null) {
            return epoch;
        }
        String date = kv.get("date");
        String clock = kv.get("time");
        if (date != null && clock != null && date.length() == 10 && clock.length() >= 8) {
            try {
                LocalDateTime local = LocalDateTime.parse(date + "T" + clock);
                String tz = kv.getOrDefault("tz", kv.get("timezone"));
                return local.atZone(offset(tz, zone)).toInstant();
            } catch (DateTimeException e) {
                return null;
            }
        }
        String timestamp = kv.get("timestamp");
        return timestamp == null ? null : Times.iso(timestamp, zone);
    }

    private static ZoneId offset(@Nullable String tz, ZoneId zone) {
        if (tz == null || tz.isEmpty() || (tz.charAt(0) != '+' && tz.charAt(0) != '-')) {
            return zone;
        }
        try {
            return ZoneOffset.of(tz);
        } catch (DateTimeException e) {
            return zone;
        }
    }

    private static void first(Map<String, String> kv, Event out, String ecs, boolean ip, String... keys) {
        for (String key : keys) {
            String value = kv.get(key);
            if (value != null && !value.isEmpty() && !value.equals("-")) {
                if (ip) {
                    out.ip(ecs, value);
                } else {
                    out.put(ecs, value);
                }
                return;
            }
        }
    }

    private static void firstNumber(Map<String, String> kv, Event out, String ecs, String... keys) {
        for (String key : keys) {
            Long n = Texts.decimal(kv.get(key));
            if (n != null) {
                out.put(ecs, n);
                return;
            }
        }
    }
}
