package io.pkgimage.junit;

import io.pkgimage.junit.child.SoundnessChild;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Behind {@link ImageSoundness} in Jupiter: gives tests their {@link Observations}. In a soundness child JVM what a
 * test records is kept and compared; anywhere else (the harness off, training) it is dropped.
 */
final class ImageSoundnessExtension implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Observations.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        String id = context.getUniqueId();
        boolean child = context.getConfigurationParameter(ImageSoundness.CHILD).isPresent();
        return (Observations) (name, value) -> {
            if (name == null || name.isEmpty()) {
                throw new IllegalArgumentException("An observation needs a name");
            }
            if (child) {
                SoundnessChild.observe(id, name, value);
            }
        };
    }
}
