package com.allocar.testsupport;

import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.net.URI;

/** Holds every answer a test client receives to the served OpenAPI document ({@link ApiContract}). */
final class ContractFilter implements Filter {
    static final ContractFilter INSTANCE = new ContractFilter();

    private ContractFilter() {
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification expectation,
            FilterContext context) {
        Response response = context.next(request, expectation);
        ApiContract.served().assertConforms(request.getMethod(), URI.create(request.getURI()).getRawPath(),
                response.statusCode(), response.contentType(), response.asByteArray());
        return response;
    }
}
