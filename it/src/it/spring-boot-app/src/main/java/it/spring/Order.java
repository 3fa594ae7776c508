package it.spring;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;

public record Order(@NotBlank String item, @Positive int quantity) {
}
