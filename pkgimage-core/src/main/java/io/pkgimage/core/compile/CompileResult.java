package io.pkgimage.core.compile;

import io.pkgimage.core.image.PackageImage;
import java.nio.file.Path;

/**
 * The outcome of compiling a package image.
 *
 * @param imageFile the image file
 * @param image its content
 * @param upToDate whether the existing image was reused because no input changed
 */
public record CompileResult(Path imageFile, PackageImage image, boolean upToDate) {}
