package io.pkgimage.core.training;

import io.pkgimage.core.PkgImageException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * What a test run wrote in Surefire's or Failsafe's XML reports ({@code TEST-*.xml}, one a test class): how many
 * tests ran, failed and were skipped, and which failed, counted by their test cases.
 *
 * @param run tests that ran to an end (failed ones included)
 * @param failed tests that failed or ended in an error
 * @param skipped tests skipped
 * @param failures one line a failed test: {@code class.method — type: message}
 * @param wallMillis the time the reports give the test classes, added up
 * @param classes how many test classes reported
 */
public record TestReports(int run, int failed, int skipped, List<String> failures, long wallMillis, int classes) {
    public TestReports {
        failures = List.copyOf(failures);
    }

    /**
     * Reads the reports in {@code folder} written at {@code since} or later (older ones are of an earlier run); none
     * when there is no such folder.
     */
    public static TestReports read(Path folder, Instant since) {
        List<Path> reports = new ArrayList<>();
        if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    String name = f.getFileName().toString();
                    if (name.startsWith("TEST-")
                            && name.endsWith(".xml")
                            && !Files.getLastModifiedTime(f).toInstant().isBefore(since)) {
                        reports.add(f);
                    }
                }
            } catch (IOException e) {
                throw new PkgImageException("Cannot list the test reports in '" + folder + "': " + e.getMessage(), e);
            }
        }
        int tests = 0;
        int failed = 0;
        int skipped = 0;
        double seconds = 0;
        List<String> failures = new ArrayList<>();
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        for (Path report : reports.stream().sorted().toList()) {
            try (InputStream in = Files.newInputStream(report)) {
                XMLStreamReader xml = factory.createXMLStreamReader(in);
                // the test cases are counted, not the suites' headers, which say 0 tests for nested classes
                String testCase = "";
                boolean caseSkipped = false;
                boolean caseFailed = false;
                while (xml.hasNext()) {
                    int event = xml.next();
                    if (event == XMLStreamReader.END_ELEMENT
                            && xml.getLocalName().equals("testcase")) {
                        tests++;
                        skipped += caseSkipped ? 1 : 0;
                        failed += caseFailed ? 1 : 0;
                        continue;
                    }
                    if (event != XMLStreamReader.START_ELEMENT) {
                        continue;
                    }
                    switch (xml.getLocalName()) {
                        case "testsuite" -> seconds += decimal(xml.getAttributeValue(null, "time"));
                        case "testcase" -> {
                            testCase = xml.getAttributeValue(null, "classname") + "."
                                    + xml.getAttributeValue(null, "name");
                            caseSkipped = false;
                            caseFailed = false;
                        }
                        case "skipped" -> caseSkipped = true;
                        case "failure", "error" -> {
                            caseFailed = true;
                            String type = xml.getAttributeValue(null, "type");
                            String message = xml.getAttributeValue(null, "message");
                            failures.add(testCase + " — " + (type == null ? xml.getLocalName() : type)
                                    + (message == null
                                            ? ""
                                            : ": " + message.lines().findFirst().orElse("")));
                        }
                        default -> {}
                    }
                }
                xml.close();
            } catch (IOException | XMLStreamException e) {
                throw new PkgImageException("Cannot read the test report '" + report + "': " + e.getMessage(), e);
            }
        }
        return new TestReports(tests - skipped, failed, skipped, failures, Math.round(seconds * 1000), reports.size());
    }

    /** Surefire writes numbers with grouping commas in some locales ("1,234.5"). */
    private static double decimal(String value) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            return Double.parseDouble(value.replace(",", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
