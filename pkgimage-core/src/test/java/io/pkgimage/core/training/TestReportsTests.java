package io.pkgimage.core.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pkgimage.core.PkgImageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestReportsTests {
    @TempDir
    Path dir;

    @Test
    void countsTheReportsOfThisRunAndListsWhatFailed() throws Exception {
        Instant began = Instant.now().minusSeconds(60);
        Files.writeString(
                dir.resolve("TEST-a.ATests.xml"),
                """
                <?xml version="1.0" encoding="UTF-8"?>
                <testsuite name="a.ATests" time="1,234.5" tests="3" errors="1" skipped="1" failures="0">
                  <testcase name="works" classname="a.ATests" time="0.1"/>
                  <testcase name="breaks" classname="a.ATests" time="0.1">
                    <error message="boom&#10;second line" type="java.lang.IllegalStateException">trace</error>
                  </testcase>
                  <testcase name="later" classname="a.ATests" time="0"><skipped/></testcase>
                </testsuite>
                """);
        Files.writeString(
                dir.resolve("TEST-b.BTests.xml"),
                """
                <testsuite name="b.BTests" time="0.5" tests="2" errors="0" skipped="0" failures="1">
                  <testcase name="fails" classname="b.BTests"><failure type="org.opentest4j.AssertionFailedError"/></testcase>
                  <testcase name="works" classname="b.BTests"/>
                </testsuite>
                """);
        Path old = dir.resolve("TEST-c.CTests.xml");
        Files.writeString(old, "<testsuite name=\"c.CTests\" tests=\"9\" failures=\"9\"/>");
        Files.setLastModifiedTime(old, FileTime.from(began.minusSeconds(3600)));
        Files.writeString(dir.resolve("a.ATests.txt"), "not a report");

        TestReports reports = TestReports.read(dir, began);

        assertThat(reports.classes()).isEqualTo(2);
        assertThat(reports.run()).isEqualTo(4);
        assertThat(reports.failed()).isEqualTo(2);
        assertThat(reports.skipped()).isEqualTo(1);
        assertThat(reports.wallMillis()).isEqualTo(1_235_000);
        assertThat(reports.failures())
                .containsExactly(
                        "a.ATests.breaks — java.lang.IllegalStateException: boom",
                        "b.BTests.fails — org.opentest4j.AssertionFailedError");
    }

    @Test
    void theTestCasesCountNotTheSuitesHeadersWhichSayNothingOfNestedClasses() throws Exception {
        Files.writeString(
                dir.resolve("TEST-a.OuterTests$Inner.xml"),
                """
                <testsuite name="a.OuterTests$Inner" tests="0" failures="0" errors="0" skipped="0" time="0.2">
                  <testcase name="one" classname="a.OuterTests$Inner"/>
                  <testcase name="two" classname="a.OuterTests$Inner"><skipped message="off"/></testcase>
                  <testcase name="three" classname="a.OuterTests$Inner">
                    <flakyFailure message="once" type="java.lang.AssertionError"/>
                  </testcase>
                </testsuite>
                """);

        TestReports reports = TestReports.read(dir, Instant.EPOCH);

        assertThat(reports.run()).isEqualTo(2);
        assertThat(reports.skipped()).isEqualTo(1);
        assertThat(reports.failed()).isZero();
    }

    @Test
    void noFolderIsNoTests() {
        TestReports reports = TestReports.read(dir.resolve("surefire-reports"), Instant.EPOCH);

        assertThat(reports.run()).isZero();
        assertThat(reports.classes()).isZero();
    }

    @Test
    void aBrokenReportIsNamed() throws Exception {
        Path broken = dir.resolve("TEST-x.XTests.xml");
        Files.writeString(broken, "<testsuite tests=\"1\"");

        assertThatThrownBy(() -> TestReports.read(dir, Instant.EPOCH))
                .isInstanceOf(PkgImageException.class)
                .hasMessageStartingWith("Cannot read the test report '" + broken + "': ");
    }
}
