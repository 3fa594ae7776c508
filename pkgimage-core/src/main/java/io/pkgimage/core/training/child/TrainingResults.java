package io.pkgimage.core.training.child;

import java.util.ArrayList;
import java.util.List;

/** Counts of the training child, written to the results file at the end. */
final class TrainingResults {
    int run;
    int failed;
    int skipped;
    final List<String> failures = new ArrayList<>();
}
