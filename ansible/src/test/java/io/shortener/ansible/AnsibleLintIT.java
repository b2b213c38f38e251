package io.shortener.ansible;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The playbooks and roles as Ansible's own checkers see them. */
@Tag("ansible")
class AnsibleLintIT {

    private final Playbooks playbooks = new Playbooks(Path.of("").toAbsolutePath(), Path.of("target/it-logs"));

    @Test
    void ansibleLintFindsNothing() {
        Playbooks.Run lint = playbooks.run("ansible-lint", List.of("ansible-lint", "--offline", "--nocolor"));

        assertThat(lint.exitCode()).as(lint.tail()).isZero();
        assertThat(lint.output()).contains("0 failure(s), 0 warning(s)");
    }

    @Test
    void everyPlaybookPassesTheSyntaxCheck() {
        for (String playbook : List.of("site.yml", "rollout.yml", "backup.yml", "restore.yml")) {
            Playbooks.Run check = playbooks.run("syntax-" + playbook, List.of("ansible-playbook", "-i", "inventories/local",
                    "--syntax-check", playbook));
            assertThat(check.exitCode()).as(playbook + ":\n" + check.tail()).isZero();
            Playbooks.Run example = playbooks.run("syntax-example-" + playbook, List.of("ansible-playbook", "-i", "inventories/example",
                    "--syntax-check", playbook));
            assertThat(example.exitCode()).as(playbook + " (example inventory):\n" + example.tail()).isZero();
        }
    }
}
