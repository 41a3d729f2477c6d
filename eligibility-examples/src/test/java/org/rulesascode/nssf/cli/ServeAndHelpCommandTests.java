package org.rulesascode.nssf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code nssf help <command>}, {@code nssf serve}'s options, and the voluntary scheme in {@code nssf contributions}. */
class ServeAndHelpCommandTests {

    @Test
    void help_command_printsThatCommandsUsage() {
        NssfCommandTests.Run r = NssfCommandTests.run("help", "contributions");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Usage: nssf contributions", "--schemes", "--status");
        NssfCommandTests.Run serve = NssfCommandTests.run("help", "serve");
        assertThat(serve.out()).contains("--port", "--bind", "127.0.0.1", "/v1/assess");
    }

    @Test
    void serve_badPortOrAddress_isAUserMistake() {
        NssfCommandTests.Run port = NssfCommandTests.run("serve", "--port", "70000");
        assertThat(port.code()).isEqualTo(2);
        assertThat(port.err()).startsWith("nssf: --port:");
        NssfCommandTests.Run bind = NssfCommandTests.run("serve", "--bind", "no such host.invalid");
        assertThat(bind.code()).isEqualTo(2);
        assertThat(bind.err()).startsWith("nssf: --bind:");
    }

    @Test
    void contributions_voluntaryMember_paysTheFlatAmount_andANonMemberIsToldWhatSheWouldPay() {
        NssfCommandTests.Run member = NssfCommandTests.run("contributions", "--month", "2025-06", "--wage", "900000", "--status", "SELF_EMPLOYED",
                "--schemes", "VOLUNTARY_HEALTH_CARE");
        assertThat(member.code()).as(member.err()).isZero();
        JsonNode m = NssfCommandTests.json(member.out());
        assertThat(m.get("lines")).hasSize(1);
        JsonNode line = m.get("lines").get(0);
        assertThat(line.get("scheme").asText()).isEqualTo("VOLUNTARY_HEALTH_CARE");
        // a flat amount, the member's alone: the parameter the line cites, not a share of the wage
        long flat = -1;
        for (JsonNode p : line.get("parameters")) {
            if (p.get("id").asText().equals("voluntary_health_care.contribution.flat_amount")) flat = Long.parseLong(p.get("value").asText());
        }
        assertThat(flat).isPositive();
        assertThat(line.get("worker").asLong()).isEqualTo(flat);
        assertThat(line.get("employer").asLong()).isZero();

        NssfCommandTests.Run notMember = NssfCommandTests.run("contributions", "--month", "2025-06", "--wage", "900000", "--status", "SELF_EMPLOYED");
        JsonNode n = NssfCommandTests.json(notMember.out());
        assertThat(n.get("lines")).isEmpty();
        assertThat(n.at("/ifJoined/monthlyContribution").asLong()).isEqualTo(flat);

        NssfCommandTests.Run employee = NssfCommandTests.run("contributions", "--month", "2025-06", "--wage", "852800");
        assertThat(NssfCommandTests.json(employee.out()).get("ifJoined").isNull()).isTrue();
        assertThat(List.of(NssfCommandTests.run("contributions", "--month", "2025-06", "--wage", "1", "--schemes", "DENTAL").code())).containsExactly(2);
    }
}
