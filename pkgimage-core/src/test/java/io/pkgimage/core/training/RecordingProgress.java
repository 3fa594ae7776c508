package io.pkgimage.core.training;

import io.pkgimage.core.Progress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A {@link Progress} that keeps what it is told, for assertions; safe to share between threads. */
public final class RecordingProgress implements Progress {
    public final List<String> infos = Collections.synchronizedList(new ArrayList<>());
    public final List<String> warnings = Collections.synchronizedList(new ArrayList<>());
    public final List<String> output = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void info(String message) {
        infos.add(message);
    }

    @Override
    public void warn(String message) {
        warnings.add(message);
    }

    @Override
    public void output(String line) {
        output.add(line);
    }
}
