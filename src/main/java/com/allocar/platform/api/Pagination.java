package com.allocar.platform.api;

/** {@code meta.pagination} of a list response. */
public record Pagination(int page, int pageSize, long total, int pageCount) {

    public static Pagination of(int page, int pageSize, long total) {
        int pageCount = total == 0 ? 0 : (int) ((total + pageSize - 1) / pageSize);
        return new Pagination(page, pageSize, total, pageCount);
    }
}
