package io.pkgimage.core.soundness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PairLogsTests {
    @Test
    void theTestsBelowANodeAreThoseEitherJvmRanDepthFirstPlainFirst() {
        // GIVEN a template whose invocations differ between the JVMs
        RunLog plain = log(
                node("c", "e", "CONTAINER"),
                node("c/t", "c", "TEST"),
                node("c/tpl", "c", "CONTAINER"),
                node("c/tpl/1", "c/tpl", "TEST"));
        RunLog imaged = log(
                node("c", "e", "CONTAINER"),
                node("c/tpl", "c", "CONTAINER"),
                node("c/tpl/2", "c/tpl", "TEST"),
                node("c/t", "c", "TEST"));

        // WHEN
        PairLogs logs = PairLogs.of(plain, imaged);

        // THEN
        assertThat(logs.testsBelow("c")).containsExactly("c/t", "c/tpl/1", "c/tpl/2");
        assertThat(logs.childrenOf("c/tpl")).extracting(RunLog.Node::uniqueId).containsExactly("c/tpl/1", "c/tpl/2");
        assertThat(logs.childrenOf("c/t")).isEmpty();
        assertThat(logs.plain()).isSameAs(plain);
        assertThat(logs.imaged()).isSameAs(imaged);
    }

    private static RunLog.Node node(String id, String parent, String kind) {
        return new RunLog.Node(id, parent, kind, id, id, "", Optional.empty());
    }

    private static RunLog log(RunLog.Node... nodes) {
        Map<String, RunLog.Node> all = new LinkedHashMap<>();
        for (RunLog.Node n : nodes) {
            all.put(n.uniqueId(), n);
        }
        return new RunLog(all, true, Optional.empty());
    }
}
