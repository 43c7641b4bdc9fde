package com.allocar.platform.api;

import java.util.List;
import java.util.function.Function;

/** One page of a list with its pagination metadata. */
public record Page<T>(List<T> items, Pagination pagination) {

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), pagination);
    }
}
