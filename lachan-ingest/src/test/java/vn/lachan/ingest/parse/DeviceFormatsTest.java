package vn.lachan.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** CEF, LEEF and key=value lines as well-known products write them. */
class DeviceFormatsTest {
    private static final RecordParser PARSER = new RecordParser(ParserConfig.defaults());

    @AfterAll
    static void close() {
        PARSER.close();
    }

    @Test
    void cefFromThePaloAltoFirewallBehindASyslogHeader() {
        ParsedRecord p = PARSER.parse(Records.of(
                "auto",
                "<134>Mar  5 10:00:00 pa-fw01 CEF:0|Palo Alto Networks|PAN-OS|10.1.0|url|THREAT|1|rt=Mar 05 2024"
                        + " 10:00:00 deviceExternalId=012801000001 src=10.1.1.5 dst=93.184.216.34 suser=corp\\\\alice"
                        + " spt=50512 dpt=80 proto=TCP act=block-url request=\"example.com/login.php?a=1\""
                        + " requestMethod=GET cs2=hacking cs2Label=URLCategory"));
        assertThat(p.parser()).isEqualTo("syslog+cef");
        assertThat(p.time()).isEqualTo(Instant.parse("2024-03-05T10:00:00Z"));
        assertThat(p.fields())
                .containsEntry("observer.vendor", "Palo Alto Networks")
                .containsEntry("observer.product", "PAN-OS")
                .containsEntry("event.code", "url")
                .containsEntry("event.severity", 1L)
                .containsEntry("source.ip", "10.1.1.5")
                .containsEntry("source.port", 50512L)
                .containsEntry("destination.ip", "93.184.216.34")
                .containsEntry("destination.port", 80L)
                .containsEntry("network.transport", "tcp")
                .containsEntry("event.action", "block-url")
                .containsEntry("source.user.name", "corp\\alice")
                .containsEntry("url.original", "\"example.com/login.php?a=1\"")
                .containsEntry("cs2Label", "URLCategory")
                .containsEntry("cs2", "hacking")
                .containsEntry("host.name", "pa-fw01")
                .doesNotContainKey("host.os.type");
    }

    @Test
    void cefEscapesFollowTheSpecification() {
        // The header and extension escaping examples of the ArcSight CEF specification.
        ParsedRecord bar = PARSER.parse(
                Records.of(
                        "cef",
                        "CEF:0|security|threatmanager|1.0|100|detected a \\| in message|10|src=10.0.0.1 act=blocked a | dst=1.1.1.1"));
        assertThat(bar.fields())
                .containsEntry("cef.name", "detected a | in message")
                .containsEntry("act", "blocked a |")
                .containsEntry("dst", "1.1.1.1");
        ParsedRecord equals = PARSER.parse(
                Records.of(
                        "cef",
                        "CEF:0|security|threatmanager|1.0|100|detected a = in message|10|src=10.0.0.1 act=blocked a \\= dst=1.1.1.1"));
        assertThat(equals.fields()).containsEntry("act", "blocked a =").containsEntry("destination.ip", "1.1.1.1");
        ParsedRecord slash = PARSER.parse(
                Records.of(
                        "cef",
                        "CEF:0|security|threatmanager|1.0|100|detected a \\\\ in packet|10|src=10.0.0.1 msg=line one\\nline two"));
        assertThat(slash.fields())
                .containsEntry("cef.name", "detected a \\ in packet")
                .containsEntry("message", "line one\nline two");
    }

    @Test
    void cefWithoutAllSevenHeaderFieldsIsKeptRaw() {
        ParsedRecord p = PARSER.parse(Records.of("cef", "CEF:0|security|threatmanager|1.0"));
        assertThat(p.outcome()).isEqualTo(ParsedRecord.Outcome.RAW);
        assertThat(Records.problem(p)).contains("not a cef record", "3 of the 7 fields");
    }

    @Test
    void leefOneWithTabsAsIbmDocumentsIt() {
        ParsedRecord p = PARSER.parse(Records.of(
                "auto",
                "LEEF:1.0|Microsoft|MSExchange|4.0 SP1|15345|src=192.0.2.0\tdst=172.50.123.1\tsev=5\tcat=anomaly"
                        + "\tsrcPort=81\tdstPort=21\tusrName=joe.black\tdevTime=Mar 05 2024 10:00:00"
                        + "\tdevTimeFormat=MMM dd yyyy HH:mm:ss"));
        assertThat(p.parser()).isEqualTo("leef");
        assertThat(p.time()).isEqualTo(Instant.parse("2024-03-05T10:00:00Z"));
        assertThat(p.fields())
                .containsEntry("observer.product", "MSExchange")
                .containsEntry("event.code", "15345")
                .containsEntry("source.ip", "192.0.2.0")
                .containsEntry("destination.port", 21L)
                .containsEntry("user.name", "joe.black")
                .containsEntry("event.severity", 5L)
                .containsEntry("cat", "anomaly");
    }

    @Test
    void leefTwoWithCaretAndHexDelimiters() {
        ParsedRecord caret = PARSER.parse(Records.of(
                "leef",
                "LEEF:2.0|Lancope|StealthWatch|1.0|41|^|src=10.0.1.8^dst=10.0.0.5^sev=5^srcPort=81^dstPort=21"));
        assertThat(caret.fields())
                .containsEntry("source.ip", "10.0.1.8")
                .containsEntry("destination.ip", "10.0.0.5")
                .containsEntry("source.port", 81L);
        ParsedRecord hex = PARSER.parse(Records.of("leef", "LEEF:2.0|V|P|1.0|evt|x7C|src=10.0.1.9|dst=10.0.0.6"));
        assertThat(hex.fields()).containsEntry("source.ip", "10.0.1.9").containsEntry("destination.ip", "10.0.0.6");
    }

    @Test
    void fortigateTrafficAfterABarePri() {
        ParsedRecord p = PARSER.parse(Records.of(
                "auto",
                "<189>date=2024-03-05 time=17:00:00 devname=\"FGT60F-HQ\" devid=\"FGT60FTK2209XXXX\""
                        + " eventtime=1709632800123456789 tz=\"+0700\" logid=\"0000000013\" type=\"traffic\""
                        + " subtype=\"forward\" level=\"notice\" vd=\"root\" srcip=10.10.1.25 srcport=51514"
                        + " srcintf=\"internal\" dstip=93.184.216.34 dstport=443 dstintf=\"wan1\" proto=6"
                        + " action=\"accept\" policyid=12 service=\"HTTPS\" sentbyte=1843 rcvdbyte=5232"));
        assertThat(p.parser()).isEqualTo("syslog+kv");
        assertThat(p.time()).isEqualTo(Instant.parse("2024-03-05T10:00:00.123456789Z"));
        assertThat(p.fields())
                .containsEntry("observer.vendor", "Fortinet")
                .containsEntry("observer.product", "FortiGate")
                .containsEntry("observer.name", "FGT60F-HQ")
                .containsEntry("event.category", "firewall")
                .containsEntry("event.type", "allowed")
                .containsEntry("source.ip", "10.10.1.25")
                .containsEntry("destination.ip", "93.184.216.34")
                .containsEntry("destination.port", 443L)
                .containsEntry("network.transport", "tcp")
                .containsEntry("event.action", "accept")
                .containsEntry("source.bytes", 1843L)
                .containsEntry("dstport", "443")
                .containsEntry("log.syslog.facility.name", "local7")
                .doesNotContainKey("host.os.type");
    }

    @Test
    void fortigateConfigEventUsesDateAndTimeInTheConfiguredZone() {
        ParsedRecord p = PARSER.parse(Records.of(
                "kv",
                "date=2024-03-05 time=17:05:00 devname=\"FGT60F-HQ\" devid=\"FGT60FTK2209XXXX\" logid=\"0100044547\""
                        + " type=\"event\" subtype=\"system\" user=\"admin\" action=\"Add\" cfgpath=\"system.admin\""
                        + " cfgobj=\"backdoor\" msg=\"Add system.admin backdoor\""));
        assertThat(p.parser()).isEqualTo("kv");
        assertThat(p.time()).isEqualTo(Instant.parse("2024-03-05T17:05:00Z"));
        assertThat(p.fields())
                .containsEntry("cfgpath", "system.admin")
                .containsEntry("user.name", "admin")
                .containsEntry("message", "Add system.admin backdoor");
    }

    @Test
    void sophosFirewallAndSophosUtm() {
        ParsedRecord xg = PARSER.parse(Records.of(
                "auto",
                "<30>device=\"SFW\" date=2024-03-05 time=17:00:00 timezone=\"+07\" device_name=\"XG230\""
                        + " device_id=C01001XXXXXXX log_id=010101600001 log_type=\"Firewall\" log_component=\"Firewall"
                        + " Rule\" log_subtype=\"Allowed\" status=\"Allow\" fw_rule_id=5 user_name=\"\""
                        + " src_ip=10.20.0.15 dst_ip=8.8.8.8 protocol=\"UDP\" src_port=5353 dst_port=53"));
        assertThat(xg.time()).isEqualTo(Instant.parse("2024-03-05T10:00:00Z"));
        assertThat(xg.fields())
                .containsEntry("observer.product", "Sophos Firewall")
                .containsEntry("observer.name", "XG230")
                .containsEntry("log_component", "Firewall Rule")
                .containsEntry("event.type", "allowed")
                .containsEntry("destination.port", 53L)
                .containsEntry("network.transport", "udp")
                .doesNotContainKey("user.name");
        ParsedRecord utm = PARSER.parse(
                Records.of(
                        "auto",
                        "<30>2024:03:05-17:00:00 utm-gw ulogd[5043]: id=\"2001\" severity=\"info\" sys=\"SecureNet\""
                                + " sub=\"packetfilter\" name=\"Packet dropped\" action=\"drop\" fwrule=\"60001\" initf=\"eth1\""
                                + " srcip=\"203.0.113.50\" dstip=\"198.51.100.10\" proto=\"6\" srcport=\"44321\" dstport=\"23\""));
        assertThat(utm.parser()).isEqualTo("syslog+kv");
        assertThat(utm.time()).isEqualTo(Instant.parse("2024-03-05T17:00:00Z"));
        assertThat(utm.fields())
                .containsEntry("observer.product", "Sophos UTM")
                .containsEntry("event.type", "denied")
                .containsEntry("rule.id", "60001")
                .containsEntry("destination.port", 23L)
                .containsEntry("host.name", "utm-gw")
                .containsEntry("process.name", "ulogd");
    }
}
